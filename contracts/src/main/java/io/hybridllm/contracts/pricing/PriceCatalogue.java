package io.hybridllm.contracts.pricing;

import static io.hybridllm.contracts.json.Check.require;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

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
 * What a call costs, per provider: per model in USD per million tokens, free, a monthly subscription, or amortised GPU
 * hours. Workers price their calls with it and the cost service prices usage with it, so both agree; the version
 * travels with every priced event.
 */
public record PriceCatalogue(String version, Map<String, ProviderPricing> providers) {

    private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);
    private static final BigDecimal HOUR_MS = BigDecimal.valueOf(3_600_000);
    private static final String DEFAULT_RESOURCE = "/io/hybridllm/contracts/pricing/default-pricing.toml";
    private static final TomlMapper TOML = TomlMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS).build();

    public PriceCatalogue {
        require(version != null && !version.isBlank(), "version", "is required");
        // In the file's order: where several providers list a model, the first is the one a bare model name means.
        providers = providers == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(providers));
    }

    /**
     * How a provider charges: per token ({@code token}, per model), nothing ({@code free}), a fixed monthly fee
     * whatever the use ({@code subscription}, e.g. a Copilot seat), or the amortised cost of the GPU time a call holds
     * ({@code gpu_hour}, for local tiers on hardware you pay for).
     */
    public enum PricingModel {
        FREE, TOKEN, SUBSCRIPTION, GPU_HOUR
    }

    /**
     * A provider's prices. {@code monthlyFeeUsd} is required for {@code subscription}; {@code gpuHourUsd} (what an hour
     * of one GPU costs: hardware spread over its life, power, hosting) for {@code gpu_hour}, where
     * {@code concurrentCalls} (default 1) calls share one GPU. {@code everyModel} prices, for {@code token}, each model
     * {@code models} does not list (a policy's {@code [cost.providers.X]} gives one price for all of X's models).
     */
    public record ProviderPricing(PricingModel pricingModel, Map<String, ModelPrice> models, BigDecimal monthlyFeeUsd,
            BigDecimal gpuHourUsd, Integer concurrentCalls, ModelPrice everyModel) {
        public ProviderPricing {
            pricingModel = pricingModel == null ? PricingModel.TOKEN : pricingModel;
            models = models == null ? Map.of() : Map.copyOf(models);
            require(pricingModel != PricingModel.SUBSCRIPTION || (monthlyFeeUsd != null && monthlyFeeUsd.signum() >= 0),
                    "monthly_fee_usd", "must be a price >= 0 when pricing_model is subscription");
            require(pricingModel != PricingModel.GPU_HOUR || (gpuHourUsd != null && gpuHourUsd.signum() >= 0),
                    "gpu_hour_usd", "must be a price >= 0 when pricing_model is gpu_hour");
            require(concurrentCalls == null || concurrentCalls >= 1, "concurrent_calls", "must be at least 1");
            concurrentCalls = concurrentCalls == null ? 1 : concurrentCalls;
            require(everyModel == null || pricingModel == PricingModel.TOKEN, "every_model",
                    "is a token price: only for pricing_model token");
        }

        /** Subscription and GPU-hour pricing, without a price for every model. */
        public ProviderPricing(PricingModel pricingModel, Map<String, ModelPrice> models, BigDecimal monthlyFeeUsd,
                BigDecimal gpuHourUsd, Integer concurrentCalls) {
            this(pricingModel, models, monthlyFeeUsd, gpuHourUsd, concurrentCalls, null);
        }

        /** The token price of {@code model}: its own, else the price of every model, else empty. */
        public Optional<ModelPrice> tokenPrice(String model) {
            ModelPrice own = model == null ? null : models.get(model);
            return Optional.ofNullable(own != null ? own : everyModel);
        }

        /** Every token price this provider lists, its price for every model included. */
        Stream<ModelPrice> tokenPrices() {
            return Stream.concat(models.values().stream(), Stream.ofNullable(everyModel));
        }

        /** Token or free pricing, as catalogues before subscription and GPU-hour pricing were written. */
        public ProviderPricing(PricingModel pricingModel, Map<String, ModelPrice> models) {
            this(pricingModel, models, null, null, null, null);
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
     * The cost of a call in USD, or empty when the catalogue cannot price it: callers flag such usage instead of
     * pricing it at zero. A {@code gpu_hour} provider cannot be priced without the call's duration: use the overload
     * with {@code latencyMs}.
     */
    public Optional<BigDecimal> price(String provider, String model, TokenUsage usage) {
        ProviderPricing pricing = providers.get(provider);
        return pricing != null && pricing.pricingModel() == PricingModel.GPU_HOUR ? Optional.empty()
                : price(provider, model, usage, 0);
    }

    /**
     * The cost of a call that held its backend for {@code latencyMs}, or empty when the provider is unknown, or a
     * {@code token} provider neither lists the model nor has a price for every model. A subscription call costs nothing
     * here: its fee is fixed (see {@link #monthlyFees()}).
     */
    public Optional<BigDecimal> price(String provider, String model, TokenUsage usage, long latencyMs) {
        ProviderPricing pricing = providers.get(provider);
        if (pricing == null) {
            return Optional.empty();
        }
        return switch (pricing.pricingModel()) {
            case FREE, SUBSCRIPTION -> Optional.of(BigDecimal.ZERO);
            case GPU_HOUR -> Optional.of(pricing.gpuHourUsd().multiply(BigDecimal.valueOf(Math.max(0, latencyMs)))
                    .divide(HOUR_MS.multiply(BigDecimal.valueOf(pricing.concurrentCalls())), 10, RoundingMode.HALF_UP)
                    .stripTrailingZeros());
            case TOKEN -> pricing.tokenPrice(model).map(price -> tokens(price, usage));
        };
    }

    /**
     * What a paid call the catalogue cannot price would cost at most, so that a budget never counts it as zero: at the
     * highest input and output prices its provider lists, or, for a provider the catalogue does not list by token, the
     * highest of the whole catalogue. Empty only for a catalogue with no token price at all.
     */
    public Optional<BigDecimal> conservativePrice(String provider, TokenUsage usage) {
        ProviderPricing pricing = providers.get(provider);
        Optional<ModelPrice> highest = pricing != null && pricing.pricingModel() == PricingModel.TOKEN
                ? highest(pricing.tokenPrices().toList())
                : Optional.empty();
        if (highest.isEmpty()) {
            highest = highest(providers.values().stream().filter(p -> p.pricingModel() == PricingModel.TOKEN)
                    .flatMap(ProviderPricing::tokenPrices).toList());
        }
        return highest.map(price -> tokens(price, usage));
    }

    private static Optional<ModelPrice> highest(java.util.Collection<ModelPrice> prices) {
        return prices.stream().reduce(
                (a, b) -> new ModelPrice(a.inputPer1m().max(b.inputPer1m()), a.outputPer1m().max(b.outputPer1m())));
    }

    /**
     * The token price of a model, empty unless its provider prices it by token: e.g. the reference model of a savings
     * report.
     */
    public Optional<ModelPrice> modelPrice(String provider, String model) {
        ProviderPricing pricing = providers.get(provider);
        return pricing == null || pricing.pricingModel() != PricingModel.TOKEN ? Optional.empty()
                : pricing.tokenPrice(model);
    }

    /** The fixed monthly fee of each {@code subscription} provider, whatever its use. */
    public Map<String, BigDecimal> monthlyFees() {
        Map<String, BigDecimal> fees = new TreeMap<>();
        providers.forEach((name, pricing) -> {
            if (pricing.pricingModel() == PricingModel.SUBSCRIPTION) {
                fees.put(name, pricing.monthlyFeeUsd());
            }
        });
        return fees;
    }

    private static BigDecimal tokens(ModelPrice price, TokenUsage usage) {
        BigDecimal cost = price.inputPer1m().multiply(BigDecimal.valueOf(usage.promptTokens()))
                .add(price.outputPer1m().multiply(BigDecimal.valueOf(usage.completionTokens())));
        return cost.divide(MILLION, 10, RoundingMode.HALF_UP).stripTrailingZeros();
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
