package io.hybridllm.policy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;

import io.hybridllm.contracts.pricing.PriceCatalogue;

/**
 * The cloud model "pure API" means: what the same traffic would have cost had every request been answered there. The
 * savings report and the cost simulator both compare with it, so both pick it here.
 */
public record ReferenceModel(String provider, String model, PriceCatalogue.ModelPrice price) {

    private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);

    /** No reference to price with: a setting to fix, named in the message. */
    public static final class Unpriced extends IllegalArgumentException {

        Unpriced(String message) {
            super(message);
        }
    }

    /**
     * The model {@code named} ({@code provider/model}, given by {@code setting}), else the policy's first cloud
     * provider in {@code [ai] fallback_chain} with its model, priced under its policy name or, if the catalogue does
     * not know that, its kind (a provider called {@code claude} is priced as {@code anthropic}). Refused with the
     * reason when the catalogue has no token price for it: savings must not be computed against zero.
     */
    public static ReferenceModel resolve(Optional<String> named, String setting, Policy policy,
            PriceCatalogue catalogue) {
        if (named.isPresent()) {
            String text = named.get();
            int slash = text.indexOf('/');
            if (slash <= 0 || slash == text.length() - 1) {
                throw new Unpriced(setting + " is '" + text + "'; expected provider/model, e.g. openai/gpt-4o");
            }
            return priced(catalogue, text.substring(0, slash), text.substring(slash + 1), setting);
        }
        Policy.Provider cloud = policy.ai().fallbackChain().stream().map(policy.providers()::get)
                .filter(p -> p != null && !p.isLocal() && p.model() != null).findFirst()
                .orElseThrow(() -> new Unpriced("the policy's [ai] fallback_chain names no cloud provider with a"
                        + " model to compare with; set " + setting + " (provider/model)"));
        return priced(catalogue, catalogueName(catalogue, cloud), cloud.model(), setting);
    }

    /** A policy provider as the catalogue names it: its own name if listed there, else its kind. */
    public static String catalogueName(PriceCatalogue catalogue, Policy.Provider provider) {
        return catalogue.providers().containsKey(provider.name()) ? provider.name() : provider.kind().wireName();
    }

    private static ReferenceModel priced(PriceCatalogue catalogue, String provider, String model, String setting) {
        return catalogue.modelPrice(provider, model).map(price -> new ReferenceModel(provider, model, price))
                .orElseThrow(() -> new Unpriced(
                        "the reference model " + provider + "/" + model + " has no token price in catalogue "
                                + catalogue.version() + "; set " + setting + " to a model it prices"));
    }

    /** What {@code promptTokens} in and {@code completionTokens} out cost on this model. */
    public BigDecimal cost(long promptTokens, long completionTokens) {
        return price.inputPer1m().multiply(BigDecimal.valueOf(promptTokens))
                .add(price.outputPer1m().multiply(BigDecimal.valueOf(completionTokens)))
                .divide(MILLION, 10, RoundingMode.HALF_UP);
    }
}
