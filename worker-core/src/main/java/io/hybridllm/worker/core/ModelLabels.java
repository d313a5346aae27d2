package io.hybridllm.worker.core;

import java.util.Arrays;
import java.util.function.UnaryOperator;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.hybridllm.contracts.Tier;
import io.hybridllm.contracts.pricing.PriceCatalogue;
import io.hybridllm.worker.core.policy.ProviderNames;
import io.hybridllm.worker.core.pool.BackendPool;
import io.hybridllm.worker.core.pool.PooledBackend;

/**
 * The {@code model} label of a metric: a model the operator configured (a backend's default model for a tier, or a
 * model the price catalogue prices for that provider), else {@value #OTHER}. A request may name any model, and every
 * distinct label value is a time series kept for the process's life: a tenant must not be able to grow them.
 */
@ApplicationScoped
public class ModelLabels {

    public static final String OTHER = "other";

    private final BackendPool pool;
    private final PriceCatalogue catalogue;

    private final UnaryOperator<String> priceKey;

    @Inject
    public ModelLabels(BackendPool pool, PriceCatalogue catalogue, ProviderNames names) {
        this(pool, catalogue, names::priceKey);
    }

    ModelLabels(BackendPool pool, PriceCatalogue catalogue, UnaryOperator<String> priceKey) {
        this.pool = pool;
        this.catalogue = catalogue;
        this.priceKey = priceKey;
    }

    public String of(String provider, String model) {
        return model != null && (isDefault(provider, model) || isPriced(provider, model)) ? model : OTHER;
    }

    private boolean isDefault(String provider, String model) {
        return pool.backends().stream().map(PooledBackend::backend).filter(b -> b.provider().equals(provider))
                .anyMatch(b -> Arrays.stream(Tier.values()).anyMatch(tier -> model.equals(b.defaultModel(tier))));
    }

    private boolean isPriced(String provider, String model) {
        PriceCatalogue.ProviderPricing pricing = catalogue.providers().get(priceKey.apply(provider));
        return pricing != null && pricing.models() != null && pricing.models().containsKey(model);
    }
}
