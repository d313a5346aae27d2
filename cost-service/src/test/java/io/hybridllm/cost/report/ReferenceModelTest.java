package io.hybridllm.cost.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.hybridllm.contracts.pricing.PriceCatalogue;
import io.hybridllm.policy.Policy;
import io.hybridllm.policy.PolicyLoader;

class ReferenceModelTest {

    private static final PriceCatalogue CATALOGUE = PriceCatalogue.defaults();

    private static ReportsConfig reference(String named) {
        return new ReportsConfig() {
            @Override
            public Optional<String> reference() {
                return Optional.ofNullable(named);
            }

            @Override
            public int recommendMinCalls() {
                return 20;
            }

            @Override
            public double recommendShare() {
                return 0.5;
            }
        };
    }

    private static Policy policy(String toml) {
        return PolicyLoader.fromText(toml, "test").policy();
    }

    @Test
    void withoutASettingThePolicysFirstCloudProviderAndItsModel() {
        ReferenceModel model = ReferenceModel.resolve(reference(null), policy(""), CATALOGUE);

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

        ReferenceModel model = ReferenceModel.resolve(reference(null), seed, CATALOGUE);

        assertThat(model.provider()).isEqualTo("anthropic");
        assertThat(model.cost(1_000_000, 0)).isEqualByComparingTo("3");
    }

    @Test
    void theSettingWinsAndAnUnpricedOrMalformedOneIsRefusedWithTheReason() {
        assertThat(ReferenceModel.resolve(reference("openai/gpt-4o"), policy(""), CATALOGUE).model())
                .isEqualTo("gpt-4o");
        assertThatThrownBy(() -> ReferenceModel.resolve(reference("openai/gpt-9"), policy(""), CATALOGUE))
                .isInstanceOf(NoReferencePriceException.class).hasMessageContaining("openai/gpt-9")
                .hasMessageContaining("no token price");
        assertThatThrownBy(() -> ReferenceModel.resolve(reference("gpt-4o"), policy(""), CATALOGUE))
                .hasMessageContaining("provider/model");
    }
}
