package io.hybridllm.worker.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.hybridllm.contracts.LlmRequest;
import io.hybridllm.contracts.Tier;
import io.hybridllm.contracts.pricing.PriceCatalogue;
import io.hybridllm.worker.core.pool.BackendPool;

class ModelLabelsTest {

    private record Local() implements ModelBackend {
        public String provider() {
            return "ollama";
        }

        public String defaultModel(Tier tier) {
            return tier == Tier.LOCAL_FAST ? "llama3.2:1b" : null;
        }

        public CallResult chat(String model, LlmRequest request) {
            throw new UnsupportedOperationException("not called here");
        }

        public String baseUrl() {
            return "http://localhost:11434";
        }

        public List<String> models() {
            return List.of();
        }
    }

    private final ModelLabels labels = new ModelLabels(
            new BackendPool(List.of(new BackendPool.Slotted(new Local(), 1)), 3), PriceCatalogue.defaults(),
            provider -> provider.equals("claude") ? "anthropic" : provider);

    @Test
    void configuredModelsAreTheirOwnLabel() {
        assertThat(labels.of("ollama", "llama3.2:1b")).isEqualTo("llama3.2:1b");
        assertThat(labels.of("openai", "gpt-4o-mini")).isEqualTo("gpt-4o-mini");
    }

    @Test
    void aProviderThePolicyNamesIsPricedUnderItsKind() {
        assertThat(labels.of("claude", "claude-3-5-haiku-20241022")).isEqualTo("claude-3-5-haiku-20241022");
    }

    @Test
    void aModelARequestNamedIsOtherSoNoTenantCanGrowTheSeries() {
        for (int i = 0; i < 100; i++) {
            assertThat(labels.of("ollama", "tenant-chosen-" + i)).isEqualTo(ModelLabels.OTHER);
        }
        assertThat(labels.of("openai", "gpt-made-up")).isEqualTo(ModelLabels.OTHER);
        assertThat(labels.of("ollama", null)).isEqualTo(ModelLabels.OTHER);
    }
}
