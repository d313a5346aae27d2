package io.hybridllm.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.hybridllm.contracts.pricing.PriceCatalogue;

class ReferenceModelTest {

    private static final PriceCatalogue CATALOGUE = PriceCatalogue.defaults();
    private static final String SETTING = "hybrid.reports.reference";

    private static Policy policy(String toml) {
        return PolicyLoader.fromText(toml, "test").policy();
    }

    @Test
    void withoutASettingThePolicysFirstCloudProviderAndItsModel() {
        ReferenceModel model = ReferenceModel.resolve(Optional.empty(), SETTING, policy(""), CATALOGUE);

        assertThat(model.provider()).isEqualTo("openai");
        assertThat(model.model()).isEqualTo("gpt-4o-mini");
        // 1M tokens in at $0.15 and 1M out at $0.60.
        assertThat(model.cost(1_000_000, 1_000_000)).isEqualByComparingTo("0.75");
    }

    @Test
    void aProviderTheCatalogueDoesNotNameIsPricedByItsKind() {
        Policy seed = policy("""
                [ai]
                fallback_chain = ["ollama", "claude"]
                [providers.claude]
                kind = "anthropic"
                api_key_env = "ANTHROPIC_API_KEY"
                model = "claude-3-5-sonnet-20241022"
                """);

        ReferenceModel model = ReferenceModel.resolve(Optional.empty(), SETTING, seed, CATALOGUE);

        assertThat(model.provider()).isEqualTo("anthropic");
        assertThat(model.cost(1_000_000, 0)).isEqualByComparingTo("3");
    }

    @Test
    void theSettingWinsAndAnUnpricedOrMalformedOneIsRefusedWithTheReason() {
        assertThat(ReferenceModel.resolve(Optional.of("openai/gpt-4o"), SETTING, policy(""), CATALOGUE).model())
                .isEqualTo("gpt-4o");
        assertThatThrownBy(() -> ReferenceModel.resolve(Optional.of("openai/gpt-9"), SETTING, policy(""), CATALOGUE))
                .isInstanceOf(ReferenceModel.Unpriced.class).hasMessageContaining("openai/gpt-9")
                .hasMessageContaining("no token price");
        assertThatThrownBy(() -> ReferenceModel.resolve(Optional.of("gpt-4o"), SETTING, policy(""), CATALOGUE))
                .hasMessageContaining("provider/model");
    }
}
