package io.hybridllm.launcher.cost;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;

import io.hybridllm.contracts.pricing.PriceCatalogue;
import io.hybridllm.policy.Policy;

/**
 * The cloud model pure API means: every request answered there. As in the cost service's savings report: the one named
 * ({@code --reference provider/model}), else the policy's first cloud provider in {@code [ai] fallback_chain} with its
 * model, priced under its policy name or, if the catalogue does not know that, its kind.
 */
public record Reference(String provider, String model, PriceCatalogue.ModelPrice price) {

    private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);

    public static Reference resolve(Optional<String> named, Policy policy, PriceCatalogue catalogue) {
        if (named.isPresent()) {
            String text = named.get();
            int slash = text.indexOf('/');
            if (slash <= 0 || slash == text.length() - 1) {
                throw new IllegalArgumentException(
                        "--reference is '" + text + "'; expected provider/model, e.g." + " openai/gpt-4o");
            }
            return priced(catalogue, text.substring(0, slash), text.substring(slash + 1));
        }
        Policy.Provider cloud = policy.ai().fallbackChain().stream().map(policy.providers()::get)
                .filter(p -> p != null && !p.isLocal() && p.model() != null).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("the policy's [ai] fallback_chain names no cloud"
                        + " provider with a model to compare with; pass --reference provider/model"));
        return priced(catalogue, catalogueName(catalogue, cloud), cloud.model());
    }

    /** A policy provider as the catalogue names it: its own name if listed there, else its kind. */
    static String catalogueName(PriceCatalogue catalogue, Policy.Provider provider) {
        return catalogue.providers().containsKey(provider.name()) ? provider.name() : provider.kind().wireName();
    }

    private static Reference priced(PriceCatalogue catalogue, String provider, String model) {
        return catalogue.modelPrice(provider, model).map(price -> new Reference(provider, model, price))
                .orElseThrow(() -> new IllegalArgumentException(
                        "the reference model " + provider + "/" + model + " has no token price in catalogue "
                                + catalogue.version() + "; pass --reference with a model it prices"));
    }

    /** What one request of {@code in} and {@code out} tokens costs on this model. */
    public BigDecimal cost(long in, long out) {
        return price.inputPer1m().multiply(BigDecimal.valueOf(in))
                .add(price.outputPer1m().multiply(BigDecimal.valueOf(out))).divide(MILLION, 10, RoundingMode.HALF_UP);
    }
}
