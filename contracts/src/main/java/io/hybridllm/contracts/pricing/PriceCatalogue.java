package io.hybridllm.contracts.pricing;

import static io.hybridllm.contracts.json.Check.require;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;

import io.hybridllm.contracts.TokenUsage;
import io.hybridllm.contracts.json.InvalidMessageException;
import io.hybridllm.contracts.json.Json;

/**
 * What a call costs, per provider and model, in USD per million tokens. Workers price their calls with it and the cost
 * service prices usage with it, so both agree; the version travels with every priced event.
 */
public record PriceCatalogue(String version, Map<String, ProviderPricing> providers) {

    private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);
    private static final String DEFAULT_RESOURCE = "/io/hybridllm/contracts/pricing/default-pricing.toml";
    private static final TomlMapper TOML = TomlMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS).build();

    public PriceCatalogue {
        require(version != null && !version.isBlank(), "version", "is required");
        providers = providers == null ? Map.of() : Map.copyOf(providers);
    }

    public enum PricingModel {
        FREE, TOKEN
    }

    public record ProviderPricing(PricingModel pricingModel, Map<String, ModelPrice> models) {
        public ProviderPricing {
            pricingModel = pricingModel == null ? PricingModel.TOKEN : pricingModel;
            models = models == null ? Map.of() : Map.copyOf(models);
        }
    }

    public record ModelPrice(@JsonProperty("input_per_1m") BigDecimal inputPer1m,
            @JsonProperty("output_per_1m") BigDecimal outputPer1m) {
        public ModelPrice {
            require(inputPer1m != null && inputPer1m.signum() >= 0, "input_per_1m", "must be a price >= 0");
            require(outputPer1m != null && outputPer1m.signum() >= 0, "output_per_1m", "must be a price >= 0");
        }
    }

    /**
     * The cost of a call in USD, or empty when the catalogue does not know the provider or model: callers flag such
     * usage instead of pricing it at zero.
     */
    public Optional<BigDecimal> price(String provider, String model, TokenUsage usage) {
        ProviderPricing pricing = providers.get(provider);
        if (pricing == null) {
            return Optional.empty();
        }
        if (pricing.pricingModel() == PricingModel.FREE) {
            return Optional.of(BigDecimal.ZERO);
        }
        ModelPrice price = model == null ? null : pricing.models().get(model);
        if (price == null) {
            return Optional.empty();
        }
        BigDecimal cost = price.inputPer1m().multiply(BigDecimal.valueOf(usage.promptTokens()))
                .add(price.outputPer1m().multiply(BigDecimal.valueOf(usage.completionTokens())));
        return Optional.of(cost.divide(MILLION, 10, RoundingMode.HALF_UP).stripTrailingZeros());
    }

    /** The catalogue shipped with the project. */
    public static PriceCatalogue defaults() {
        try (InputStream in = PriceCatalogue.class.getResourceAsStream(DEFAULT_RESOURCE)) {
            return parse(in.readAllBytes(), "classpath:" + DEFAULT_RESOURCE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The catalogue at {@code file}; an invalid file is refused with its name, the key and the reason. */
    public static PriceCatalogue load(Path file) {
        try {
            return parse(Files.readAllBytes(file), file.toString());
        } catch (IOException e) {
            throw new IllegalArgumentException("pricing file " + file + ": cannot be read: " + e.getMessage(), e);
        }
    }

    private static PriceCatalogue parse(byte[] toml, String source) {
        try {
            return TOML.readValue(toml, PriceCatalogue.class);
        } catch (JacksonException e) {
            InvalidMessageException invalid = Json.describe(e);
            throw new IllegalArgumentException("pricing file " + source + ": " + invalid.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
