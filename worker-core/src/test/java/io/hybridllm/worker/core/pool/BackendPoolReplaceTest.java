package io.hybridllm.worker.core.pool;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import io.hybridllm.contracts.LlmRequest;
import io.hybridllm.contracts.Tier;
import io.hybridllm.worker.core.CallResult;
import io.hybridllm.worker.core.ModelBackend;
import io.hybridllm.worker.core.pool.BackendPool.Lease;

/** A pool put in step with a changed policy: kept backends keep their state, dropped ones take no new call. */
class BackendPoolReplaceTest {

    private static final class Fake implements ModelBackend {

        private final String provider;

        Fake(String provider) {
            this.provider = provider;
        }

        @Override
        public String provider() {
            return provider;
        }

        @Override
        public String defaultModel(Tier tier) {
            return "m";
        }

        @Override
        public CallResult chat(String model, LlmRequest request) {
            throw new UnsupportedOperationException();
        }

        @Override
        public String baseUrl() {
            return "http://" + provider;
        }

        @Override
        public List<String> models() {
            return List.of("m");
        }
    }

    private final BackendPool.Slotted claude = new BackendPool.Slotted(new Fake("claude"), 1);
    private final BackendPool.Slotted gpt = new BackendPool.Slotted(new Fake("gpt"), 1);

    @Test
    void aKeptBackendKeepsItsStateAndADroppedOneEndsItsWaitersAndTakesNoNewCall() throws Exception {
        BackendPool pool = new BackendPool(List.of(claude, gpt), 1);
        AtomicInteger changes = new AtomicInteger();
        pool.onChange(changes::incrementAndGet);
        PooledBackend keptBefore = pool.backends().getFirst();
        pool.checkFailed(keptBefore, "down for a test", Instant.now());
        Lease inFlight = pool.acquire("gpt", "m", Set.of()).get().orElseThrow();
        CompletableFuture<Optional<Lease>> waiting = pool.acquire("gpt", "m", Set.of());
        assertThat(waiting).isNotDone();

        pool.replace(List.of(claude), "unused");

        assertThat(changes).hasValue(1);
        assertThat(pool.backends()).containsExactly(keptBefore);
        assertThat(pool.status().getFirst().healthy()).isFalse();
        assertThat(waiting.get()).isEmpty();
        assertThat(pool.canServe("gpt", "m")).isFalse();
        assertThat(pool.explain("gpt", "m")).isEqualTo("no backend of this provider here");
        // The call in flight finishes; its slot goes back to a backend the pool no longer holds.
        inFlight.close();
        assertThat(pool.busy()).isZero();
    }

    @Test
    void anEmptyPoolServesNoTierAndSaysWhy() {
        BackendPool pool = new BackendPool(List.of(claude), 1);
        pool.replace(List.of(), "the policy in force enables no provider this worker serves");

        assertThat(pool.servesTier(Tier.CLOUD)).isFalse();
        assertThat(pool.whyEmpty()).contains("enables no provider");
        assertThat(pool.explain("claude", "m")).contains("enables no provider");
    }

    @Test
    void aBackendGivenWithOtherSlotsIsTakenAnew() {
        BackendPool pool = new BackendPool(List.of(claude), 1);
        PooledBackend before = pool.backends().getFirst();
        pool.replace(List.of(new BackendPool.Slotted(claude.backend(), 4)), "unused");

        assertThat(pool.backends().getFirst()).isNotSameAs(before);
        assertThat(pool.status().getFirst().slots()).isEqualTo(4);
    }
}
