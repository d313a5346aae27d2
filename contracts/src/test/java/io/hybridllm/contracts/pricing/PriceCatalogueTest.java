package io.hybridllm.contracts.pricing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.hybridllm.contracts.ProviderKind;
import io.hybridllm.contracts.TokenUsage;

class PriceCatalogueTest {

    private final PriceCatalogue catalogue = PriceCatalogue.defaults();

    @Test
    void pricesTokensPerMillion() {
        // 1M prompt tokens at $0.15 plus 500k completion tokens at $0.60
        assertThat(catalogue.price("openai", "gpt-4o-mini", new TokenUsage(1_000_000, 500_000)))
                .hasValueSatisfying(cost -> assertThat(cost).isEqualByComparingTo("0.45"));
    }

    @Test
    void localProvidersAreFreeAndUnknownModelsAreNotPricedAtZero() {
        assertThat(catalogue.price("ollama", "anything", new TokenUsage(10, 10))).contains(BigDecimal.ZERO);
        assertThat(catalogue.price("openai", "gpt-9", new TokenUsage(10, 10))).isEmpty();
        assertThat(catalogue.price("nobody", "x", new TokenUsage(10, 10))).isEmpty();
    }

    @Test
    void anUnpricedPaidCallIsEstimatedAtItsProvidersHighestPricesOrTheCataloguesNeverAtZero() {
        // openai's highest listed: $2.50 in (gpt-4o), $10.00 out (gpt-4o): 1M in + 1M out.
        assertThat(catalogue.conservativePrice("openai", new TokenUsage(1_000_000, 1_000_000)))
                .hasValueSatisfying(cost -> assertThat(cost).isEqualByComparingTo("12.50"));
        // A provider the catalogue does not price by token: the catalogue's highest, xai's grok-beta at $5 / $15.
        assertThat(catalogue.conservativePrice("nobody", new TokenUsage(1_000_000, 1_000_000)))
                .hasValueSatisfying(cost -> assertThat(cost).isEqualByComparingTo("20"));
    }

    @Test
    void everyPaidProviderKindTheWorkersSpeakHasDefaultPrices() {
        TokenUsage usage = new TokenUsage(1_000, 1_000);
        for (String kind : new String[] { "openai", "azure-openai", "anthropic", "gemini", "cohere", "mistral",
                "xai" }) {
            assertThat(catalogue.providers().get(kind)).as(kind).isNotNull();
            assertThat(catalogue.providers().get(kind).models()).as(kind).isNotEmpty();
        }
        assertThat(catalogue.price("cohere", "command-r", usage)).isPresent();
        assertThat(catalogue.price("azure-openai", "gpt-4o", usage)).isPresent();
    }

    @Test
    void everyProviderKindHasDefaultPricesUnderItsWireName() {
        for (ProviderKind kind : ProviderKind.values()) {
            assertThat(catalogue.providers()).as(kind.wireName()).containsKey(kind.wireName());
        }
        assertThat(catalogue.price("openai-compatible", "qwen2.5-coder:7b", new TokenUsage(10, 10)))
                .contains(BigDecimal.ZERO);
    }

    @Test
    void aSubscriptionCostsNothingPerCallAndItsFeeIsListed() {
        assertThat(catalogue.price("copilot", "any-model", new TokenUsage(1_000, 1_000))).contains(BigDecimal.ZERO);
        assertThat(catalogue.monthlyFees()).containsEntry("copilot", new BigDecimal("10.00")).hasSize(1);
    }

    @Test
    void gpuHoursAreAmortisedOverTheCallsDurationAndItsConcurrency(@TempDir Path dir) throws IOException {
        PriceCatalogue local = PriceCatalogue.load(Files.writeString(dir.resolve("pricing.toml"), """
                version = "gpu"
                [providers.ollama]
                pricing_model = "gpu_hour"
                gpu_hour_usd = 0.72
                concurrent_calls = 4
                """));

        // 90 s of a $0.72 GPU-hour shared by 4 calls: 0.72 * 90 / 3600 / 4 = 0.0045.
        assertThat(local.price("ollama", "llama3.1:8b", new TokenUsage(10, 10), 90_000))
                .hasValueSatisfying(cost -> assertThat(cost).isEqualByComparingTo("0.0045"));
        // Without the duration, a GPU-hour call cannot be priced: empty, never a silent zero.
        assertThat(local.price("ollama", "llama3.1:8b", new TokenUsage(10, 10))).isEmpty();
    }

    @Test
    void tokenPricesIgnoreTheDurationAndOldCataloguesStillRead() {
        assertThat(catalogue.price("openai", "gpt-4o-mini", new TokenUsage(1_000_000, 0), 60_000))
                .hasValueSatisfying(cost -> assertThat(cost).isEqualByComparingTo("0.15"));
        assertThat(catalogue.modelPrice("openai", "gpt-4o"))
                .hasValueSatisfying(price -> assertThat(price.outputPer1m()).isEqualByComparingTo("10"));
        assertThat(catalogue.modelPrice("ollama", "llama3.2:1b")).isEmpty();
        // The constructor of catalogues written before subscriptions and GPU hours.
        var pricing = new PriceCatalogue.ProviderPricing(PriceCatalogue.PricingModel.FREE, null);
        assertThat(pricing.concurrentCalls()).isEqualTo(1);
    }

    @Test
    void aPriceForEveryModelPricesTheModelsTheProviderDoesNotList(@TempDir Path dir) throws IOException {
        PriceCatalogue acme = PriceCatalogue.load(Files.writeString(dir.resolve("pricing.toml"), """
                version = "every"
                [providers.acme]
                every_model = { input_per_1m = 1, output_per_1m = 2 }
                [providers.acme.models."big"]
                input_per_1m = 10
                output_per_1m = 20
                """));
        TokenUsage million = new TokenUsage(1_000_000, 1_000_000);

        assertThat(acme.price("acme", "small", million))
                .hasValueSatisfying(c -> assertThat(c).isEqualByComparingTo("3"));
        assertThat(acme.price("acme", "big", million))
                .hasValueSatisfying(c -> assertThat(c).isEqualByComparingTo("30"));
        assertThat(acme.modelPrice("acme", "small"))
                .hasValueSatisfying(p -> assertThat(p.inputPer1m()).isEqualByComparingTo("1"));
        assertThat(acme.conservativePrice("acme", million))
                .hasValueSatisfying(c -> assertThat(c).isEqualByComparingTo("30"));
        Path free = Files.writeString(dir.resolve("free.toml"), """
                version = "x"
                [providers.ollama]
                pricing_model = "free"
                every_model = { input_per_1m = 1, output_per_1m = 2 }
                """);
        assertThatThrownBy(() -> PriceCatalogue.load(free)).hasMessageContaining("every_model");
    }

    @Test
    void aSubscriptionWithoutItsFeeIsRefusedNamingTheKey(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("pricing.toml"), """
                version = "x"
                [providers.copilot]
                pricing_model = "subscription"
                """);
        assertThatThrownBy(() -> PriceCatalogue.load(file)).hasMessageContaining("monthly_fee_usd");
        Path gpu = Files.writeString(dir.resolve("gpu.toml"), """
                version = "x"
                [providers.ollama]
                pricing_model = "gpu_hour"
                gpu_hour_usd = 1
                concurrent_calls = 0
                """);
        assertThatThrownBy(() -> PriceCatalogue.load(gpu)).hasMessageContaining("concurrent_calls");
    }

    @Test
    void invalidFileIsRefusedWithFileKeyAndReason(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("pricing.toml");
        Files.writeString(file, """
                version = "x"
                [providers.openai.models."gpt-4o"]
                input_per_1m = -1
                output_per_1m = 2
                """);
        assertThatThrownBy(() -> PriceCatalogue.load(file)).hasMessageContaining(file.toString())
                .hasMessageContaining("input_per_1m").hasMessageContaining("must be a price >= 0");
    }
}
