package io.hybridllm.worker.core.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.hybridllm.contracts.ControlEvent;
import io.hybridllm.contracts.LlmRequest;
import io.hybridllm.contracts.Tier;
import io.hybridllm.policy.LivePolicy;
import io.hybridllm.policy.ProviderUse;
import io.hybridllm.policy.WorkerProviders;
import io.hybridllm.worker.core.CallResult;
import io.hybridllm.worker.core.ModelBackend;
import io.hybridllm.worker.core.pool.BackendPool;

/** The pool follows the policy: a provider is built once per use, and again only when its use changes. */
class PolicyBackendsTest {

    private record Built(ProviderUse use, List<BackendPool.Slotted> previous) {
    }

    private record Backend(ProviderUse use) implements ModelBackend {
        @Override
        public String provider() {
            return use.name();
        }

        @Override
        public String defaultModel(Tier tier) {
            return use.model().value();
        }

        @Override
        public CallResult chat(String model, LlmRequest request) {
            throw new UnsupportedOperationException();
        }

        @Override
        public String baseUrl() {
            return use.baseUrl().value();
        }

        @Override
        public List<String> models() {
            return List.of();
        }
    }

    private final List<Built> builds = new ArrayList<>();
    private final PolicyBackends backends = new PolicyBackends(ProviderUse.WORKER_CLOUD, (use, previous) -> {
        builds.add(new Built(use, previous));
        if (use.baseUrl().value().contains("broken")) {
            throw new IllegalArgumentException("cannot be built");
        }
        return List.of(new BackendPool.Slotted(new Backend(use), use.maxConcurrentRequests().value()));
    }, Map.of(), WorkerProviders.Defaults.STANDARD);

    private static ControlEvent.PolicyChange publish(String version, String toml) {
        return new ControlEvent.PolicyChange(1, "id", "policy", version, null, toml, "test", List.of(), Instant.now());
    }

    @Test
    void newChangedUnchangedAndDisabledProvidersAreFollowed() {
        LivePolicy live = new LivePolicy(List::of);
        BackendPool pool = backends.pool(live, 3);
        assertThat(pool.backends()).extracting(b -> b.backend().provider()).containsExactly("openai");
        ModelBackend openai = pool.backends().getFirst().backend();

        live.apply(publish("v1", """
                [providers.claude]
                kind = "anthropic"
                max_concurrent_requests = 2
                """));
        assertThat(pool.backends()).extracting(b -> b.backend().provider()).containsExactly("openai", "claude");
        assertThat(pool.backends().getFirst().backend()).isSameAs(openai);

        live.apply(publish("v2", """
                [providers.claude]
                kind = "anthropic"
                max_concurrent_requests = 5
                [providers.openai]
                enabled = false
                """));
        assertThat(pool.backends()).extracting(b -> b.backend().provider()).containsExactly("claude");
        assertThat(pool.status().getFirst().slots()).isEqualTo(5);
        Built changed = builds.getLast();
        assertThat(changed.use().name()).isEqualTo("claude");
        assertThat(changed.previous()).singleElement().satisfies(before -> assertThat(before.slots()).isEqualTo(2));
        assertThat(builds).extracting(b -> b.use().name()).containsExactly("openai", "claude", "claude");
    }

    @Test
    void aProviderThatCannotBeBuiltStopsTheStartButIsLeftOutOfALaterChange() {
        LivePolicy live = new LivePolicy(List::of);
        BackendPool pool = backends.pool(live, 3);
        live.apply(publish("v1", """
                [providers.claude]
                kind = "anthropic"
                base_url = "http://broken.example"
                """));
        assertThat(pool.backends()).extracting(b -> b.backend().provider()).containsExactly("openai");

        PolicyBackends strict = new PolicyBackends(ProviderUse.WORKER_CLOUD, (use, previous) -> {
            throw new IllegalArgumentException("cannot be built");
        }, Map.of(), WorkerProviders.Defaults.STANDARD);
        assertThatThrownBy(() -> strict.pool(live, 3)).hasMessageContaining("provider openai: cannot be built");
    }

    @Test
    void healthsFailureThresholdDisablesABackendAfterThatManyFailedChecks() {
        LivePolicy live = new LivePolicy(List::of);
        BackendPool pool = backends.pool(live, 3);
        live.apply(publish("v1", "[health]\nfailure_threshold = 1\n"));

        assertThat(pool.checkFailed(pool.backends().getFirst(), "refused", Instant.now()))
                .isEqualTo(BackendPool.HealthChange.DISABLED);
        assertThat(PolicyBackends.threshold(live.current(), 3)).isEqualTo(1);
        assertThat(PolicyBackends.threshold(new LivePolicy(List::of).current(), 3)).isEqualTo(3);
    }

    @Test
    void aWorkerWithoutAProviderHasAnEmptyPoolThatSaysWhy() {
        LivePolicy live = new LivePolicy(List::of);
        live.apply(publish("v1", "version = \"v1\"\n[providers.openai]\nenabled = false\n"));
        BackendPool pool = backends.pool(live, 3);
        assertThat(pool.backends()).isEmpty();
        assertThat(pool.whyEmpty()).contains("policy in force (v1) enables no provider this worker serves");
    }
}
