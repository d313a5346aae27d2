package io.hybridllm.worker.core.pool;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

import io.hybridllm.contracts.ControlEvent;
import io.hybridllm.contracts.ControlEvent.CircuitState;
import io.hybridllm.contracts.LlmRequest;
import io.hybridllm.contracts.Tier;
import io.hybridllm.contracts.json.Json;
import io.hybridllm.worker.core.CallResult;
import io.hybridllm.worker.core.ModelBackend;

/** Failing health checks publish a provider's health once when it is lost and once when it is back, per provider. */
class ProviderChecksTest {

    /** A backend whose model list, the health check, fails while it is down. */
    private static final class Host implements ModelBackend {

        private final String provider;
        private final String name;
        volatile boolean down;

        Host(String provider, String name) {
            this.provider = provider;
            this.name = name;
        }

        @Override
        public String provider() {
            return provider;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public String defaultModel(Tier tier) {
            return null;
        }

        @Override
        public CallResult chat(String model, LlmRequest request) {
            throw new UnsupportedOperationException();
        }

        @Override
        public String baseUrl() {
            return "http://" + name;
        }

        @Override
        public List<String> models() throws IOException {
            if (down) {
                throw new IOException("connection refused");
            }
            return List.of("llama3.2:1b");
        }
    }

    private final Host gpu1 = new Host("ollama", "gpu-1");
    private final Host gpu2 = new Host("ollama", "gpu-2");
    private final Host vllm = new Host("vllm", "vllm");
    private final BackendPool pool = new BackendPool(List.of(new BackendPool.Slotted(gpu1, 1),
            new BackendPool.Slotted(gpu2, 1), new BackendPool.Slotted(vllm, 1)), 2);
    private final List<String> sentKeys = new ArrayList<>();
    private final List<ControlEvent.ProviderHealth> sent = new ArrayList<>();
    private boolean sendFails;
    private final ProviderChecks checks = new ProviderChecks((scope, json) -> {
        if (sendFails) {
            return CompletableFuture.failedFuture(new IOException("broker down"));
        }
        sentKeys.add(scope);
        sent.add((ControlEvent.ProviderHealth) Json.read(json, ControlEvent.class));
        return CompletableFuture.completedFuture(null);
    }, "host-a/42");

    /** One round as the health monitor runs it: every backend checked, then the providers reported. */
    private void round() throws InterruptedException {
        for (PooledBackend member : pool.backends()) {
            try {
                pool.checked(member, member.backend().models(), Instant.now());
            } catch (IOException e) {
                pool.checkFailed(member, e.getMessage(), Instant.now());
            }
        }
        checks.report(pool.status());
    }

    @Test
    void aProviderIsOpenOnceEveryBackendFailsAndClosedOnceOneIsBack() throws InterruptedException {
        round();
        assertThat(sent).as("a healthy start publishes nothing").isEmpty();

        gpu1.down = true;
        round();
        round();
        assertThat(sent).as("gpu-2 still serves ollama").isEmpty();

        gpu2.down = true;
        round();
        assertThat(sent).as("below the failure threshold of 2").isEmpty();
        round();
        round();
        assertThat(sent).singleElement().satisfies(open -> {
            assertThat(open.provider()).isEqualTo("ollama");
            assertThat(open.state()).isEqualTo(CircuitState.OPEN);
            assertThat(open.scope()).isEqualTo("provider-check:ollama@host-a/42");
            assertThat(open.detail()).contains("host-a/42", "gpu-1 connection refused", "gpu-2 connection refused");
        });
        assertThat(sentKeys).containsExactly("provider-check:ollama@host-a/42");

        gpu2.down = false;
        round();
        round();
        assertThat(sent).extracting(ControlEvent.ProviderHealth::state).containsExactly(CircuitState.OPEN,
                CircuitState.CLOSED);
        assertThat(sent.get(1).detail()).contains("pass again");
        assertThat(sent).extracting(ControlEvent.ProviderHealth::provider).containsOnly("ollama");
    }

    @Test
    void aReportThatWasNotSentIsSentAtTheNextRound() throws InterruptedException {
        vllm.down = true;
        sendFails = true;
        round();
        round();
        assertThat(sent).isEmpty();
        sendFails = false;
        round();
        assertThat(sent).extracting(ControlEvent.ProviderHealth::state).containsExactly(CircuitState.OPEN);

        vllm.down = false;
        sendFails = true;
        round();
        sendFails = false;
        round();
        assertThat(sent).extracting(ControlEvent.ProviderHealth::state).containsExactly(CircuitState.OPEN,
                CircuitState.CLOSED);
        round();
        assertThat(sent).hasSize(2);
    }
}
