package io.hybridllm.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

import io.hybridllm.contracts.TokenUsage;
import io.hybridllm.contracts.pricing.PriceCatalogue;

/**
 * A price is found through the policy: the provider's name, its kind, the catalogue's prices for that kind, and its
 * {@code [cost.providers.<name>]} on top; a name the policy does not define is looked up as it is.
 */
class PricesTest {

    private static final TokenUsage MILLION_EACH = new TokenUsage(1_000_000, 1_000_000);
    private static final String SONNET = "claude-3-5-sonnet-20241022";
    private static final String PROVIDERS = """
            [ai]
            fallback_chain = ["ollama", "claude"]
            [providers.claude]
            model = "claude-3-5-sonnet-20241022"
            [providers.gpt4]
            model = "gpt-4o"
            """;

    private final Prices prices = new Prices(PriceCatalogue.defaults());

    @Test
    void aProviderIsPricedByItsKindUnderItsOwnName() {
        PriceCatalogue inForce = prices.under(policy(PROVIDERS));

        // anthropic's sonnet: $3 in and $15 out per 1M; gpt4 is an openai, whose gpt-4o is $2.50 and $10.
        assertThat(inForce.price("claude", SONNET, MILLION_EACH))
                .hasValueSatisfying(usd -> assertThat(usd).isEqualByComparingTo("18"));
        assertThat(inForce.price("gpt4", "gpt-4o", MILLION_EACH))
                .hasValueSatisfying(usd -> assertThat(usd).isEqualByComparingTo("12.5"));
        assertThat(inForce.price("ollama", "llama3.2:1b", MILLION_EACH)).contains(BigDecimal.ZERO);
        // An older event's name, unknown to the policy, is looked up as it is.
        assertThat(inForce.price("anthropic", SONNET, MILLION_EACH)).isPresent();
        assertThat(inForce.price("claude", "claude-9", MILLION_EACH)).isEmpty();
        assertThat(inForce.version()).isEqualTo(prices.catalogue().version());
    }

    @Test
    void aNameThePolicyGivesAnotherKindIsPricedAsThatKind() {
        PriceCatalogue inForce = prices.under(policy("""
                [providers.openai]
                kind = "openai-compatible"
                base_url = "http://gpu-box:8000/v1"
                """));

        assertThat(inForce.price("openai", "gpt-4o", MILLION_EACH)).contains(BigDecimal.ZERO);
    }

    @Test
    void costProvidersPriceEveryModelOfTheirProviderAndMarkTheVersion() {
        Policy policy = policy(PROVIDERS + """
                [cost.providers.claude]
                input_cost_per_1m_tokens = 1.00
                output_cost_per_1m_tokens = 2.00
                """);
        PriceCatalogue inForce = prices.under(policy);

        assertThat(inForce.price("claude", SONNET, MILLION_EACH))
                .hasValueSatisfying(usd -> assertThat(usd).isEqualByComparingTo("3"));
        assertThat(inForce.price("claude", "claude-9", MILLION_EACH))
                .hasValueSatisfying(usd -> assertThat(usd).isEqualByComparingTo("3"));
        assertThat(inForce.conservativePrice("claude", MILLION_EACH))
                .hasValueSatisfying(usd -> assertThat(usd).isEqualByComparingTo("3"));
        // Only claude: the catalogue's anthropic entry, for events under that name, is as it was.
        assertThat(inForce.price("anthropic", SONNET, MILLION_EACH))
                .hasValueSatisfying(usd -> assertThat(usd).isEqualByComparingTo("18"));
        assertThat(inForce.version())
                .isEqualTo(prices.catalogue().version() + " with [cost.providers] of policy " + policy.version());
    }

    @Test
    void aSubscriptionIsAMonthlyFeeAndItsCallsCostNothingOneByOne() {
        PriceCatalogue written = prices.under(policy(PROVIDERS + """
                [cost.providers.claude]
                pricing_model = "subscription"
                monthly_cost = 20.00
                """));
        // As the seed writes it: the fee alone.
        PriceCatalogue seedStyle = prices.under(policy(PROVIDERS + """
                [cost.providers.gpt4]
                monthly_cost = 10.00
                [cost.providers.ollama]
                pricing_model = "free"
                """));

        assertThat(written.monthlyFees().get("claude")).isEqualByComparingTo("20");
        assertThat(written.price("claude", SONNET, MILLION_EACH)).contains(BigDecimal.ZERO);
        assertThat(seedStyle.monthlyFees().get("gpt4")).isEqualByComparingTo("10");
        assertThat(seedStyle.price("ollama", "llama3.2:1b", MILLION_EACH)).contains(BigDecimal.ZERO);
    }

    @Test
    void thePricesFollowThePolicyInForce() {
        Policy before = policy(PROVIDERS);
        Policy after = policy(PROVIDERS + "[cost.providers.claude]\npricing_model = \"pay_per_token\"\n"
                + "input_cost_per_1m_tokens = 6.0\noutput_cost_per_1m_tokens = 30.0\n");

        assertThat(prices.under(before)).isSameAs(prices.under(before));
        assertThat(prices.under(after).price("claude", SONNET, MILLION_EACH))
                .hasValueSatisfying(usd -> assertThat(usd).isEqualByComparingTo("36"));
        assertThat(prices.under(before).price("claude", SONNET, MILLION_EACH))
                .hasValueSatisfying(usd -> assertThat(usd).isEqualByComparingTo("18"));
    }

    @Test
    void anIncompleteOrContradictoryPriceIsRefusedWithKeyAndReason() {
        assertRefused("[cost.providers.claude]\ninput_cost_per_1m_tokens = 1.0\n",
                "cost.providers.claude.output_cost_per_1m_tokens: is required with pricing_model token");
        assertRefused("[cost.providers.claude]\npricing_model = \"token\"\n",
                "cost.providers.claude.input_cost_per_1m_tokens: is required with pricing_model token");
        assertRefused(
                "[cost.providers.claude]\nmonthly_cost = 5.0\ninput_cost_per_1m_tokens = 1.0\n"
                        + "output_cost_per_1m_tokens = 1.0\n",
                "cost.providers.claude.monthly_cost: is a subscription's fee");
        assertRefused("[cost.providers.claude]\npricing_model = \"subscription\"\n",
                "cost.providers.claude.monthly_cost: is required with pricing_model subscription");
        assertRefused(
                "[cost.providers.claude]\npricing_model = \"subscription\"\nmonthly_cost = 5.0\n"
                        + "input_cost_per_1m_tokens = 1.0\n",
                "cost.providers.claude.input_cost_per_1m_tokens: is a per-token"
                        + " price, but a subscription's calls cost nothing one by one");
        assertRefused("[cost.providers.ollama]\npricing_model = \"free\"\nmonthly_cost = 5.0\n",
                "cost.providers.ollama.monthly_cost: is a price, but pricing_model is free");
        assertRefused("[cost.providers.ollama]\npricing_model = \"gpu_hour\"\n",
                "cost.providers.ollama.pricing_model: is gpu_hour, whose hourly GPU price only the price catalogue"
                        + " takes");
        assertRefused("[cost.providers.claude]\npricing_model = \"per_seat\"\n",
                "cost.providers.claude.pricing_model: is 'per_seat'; must be token (or pay_per_token),"
                        + " subscription or free");
        assertRefused("[cost.providers.nobody]\npricing_model = \"free\"\n",
                "cost.providers.nobody: prices provider 'nobody', which [providers] does not define");
    }

    private static void assertRefused(String cost, String problem) {
        assertThatThrownBy(() -> policy(PROVIDERS + cost)).isInstanceOf(PolicyException.class)
                .hasMessageContaining(problem);
    }

    private static Policy policy(String toml) {
        return PolicyLoader.fromText(toml, "test").policy();
    }
}
