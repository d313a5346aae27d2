package io.hybridllm.cost.pricing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.hybridllm.contracts.TokenUsage;
import io.hybridllm.contracts.pricing.PriceCatalogue;

class CatalogueProducerTest {

    private final CatalogueProducer producer = new CatalogueProducer();

    @Test
    void withoutAFileTheShippedCatalogueApplies() {
        PriceCatalogue catalogue = producer.catalogue(Optional::empty);

        assertThat(catalogue.version()).isEqualTo(PriceCatalogue.defaults().version());
    }

    @Test
    void aConfiguredFileReplacesTheShippedCatalogue(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("pricing.toml"), """
                version = "negotiated-2027"
                [providers.openai.models."gpt-4o-mini"]
                input_per_1m = 0.10
                output_per_1m = 0.40
                """);

        PriceCatalogue catalogue = producer.catalogue(() -> Optional.of(file));

        assertThat(catalogue.version()).isEqualTo("negotiated-2027");
        assertThat(catalogue.price("openai", "gpt-4o-mini", new TokenUsage(1_000_000, 1_000_000)))
                .hasValueSatisfying(cost -> assertThat(cost).isEqualByComparingTo(new BigDecimal("0.5")));
        assertThat(catalogue.price("openai", "gpt-4o", new TokenUsage(1, 1))).isEmpty();
    }

    @Test
    void anInvalidFileStopsTheServiceNamingTheFileAndTheKey(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("pricing.toml"), """
                version = "broken"
                [providers.openai.models."gpt-4o-mini"]
                input_per_1m = -1
                output_per_1m = 0.40
                """);

        assertThatThrownBy(() -> producer.catalogue(() -> Optional.of(file)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(file.toString())
                .hasMessageContaining("input_per_1m");
    }
}
