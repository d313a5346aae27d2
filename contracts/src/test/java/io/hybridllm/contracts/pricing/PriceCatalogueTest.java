package io.hybridllm.contracts.pricing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
