package io.hybridllm.cost.report;

import java.math.BigDecimal;
import java.math.RoundingMode;

import io.hybridllm.contracts.pricing.PriceCatalogue;
import io.hybridllm.policy.Policy;

/** The cloud model the savings report prices all traffic at, with its token prices from the catalogue. */
public record ReferenceModel(String provider, String model, PriceCatalogue.ModelPrice price) {

    private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);

    /**
     * The configured reference, else the policy's first cloud provider in {@code [ai] fallback_chain} with its model
     * (under its policy name or, if the catalogue does not know that, its kind: a provider called {@code claude} is
     * priced as {@code anthropic}). Refused with the reason when the catalogue has no token price for it: a report must
     * not price at zero.
     */
    public static ReferenceModel resolve(ReportsConfig config, Policy policy, PriceCatalogue catalogue) {
        if (config.reference().isPresent()) {
            String named = config.reference().get();
            int slash = named.indexOf('/');
            if (slash <= 0 || slash == named.length() - 1) {
                throw new NoReferencePriceException(
                        "hybrid.reports.reference is '" + named + "'; expected provider/model, e.g. openai/gpt-4o");
            }
            return priced(catalogue, named.substring(0, slash), named.substring(slash + 1));
        }
        Policy.Provider cloud = policy.ai().fallbackChain().stream().map(policy.providers()::get)
                .filter(p -> p != null && !p.isLocal() && p.model() != null).findFirst().orElseThrow(
                        () -> new NoReferencePriceException("the policy's [ai] fallback_chain names no cloud provider"
                                + " with a model; set hybrid.reports.reference (provider/model)"));
        String provider = catalogue.providers().containsKey(cloud.name()) ? cloud.name() : cloud.kind().wireName();
        return priced(catalogue, provider, cloud.model());
    }

    private static ReferenceModel priced(PriceCatalogue catalogue, String provider, String model) {
        return catalogue.modelPrice(provider, model).map(price -> new ReferenceModel(provider, model, price))
                .orElseThrow(() -> new NoReferencePriceException(
                        "the reference model " + provider + "/" + model + " has no token price in catalogue "
                                + catalogue.version() + "; set hybrid.reports.reference to a model it prices"));
    }

    /** What {@code promptTokens} in and {@code completionTokens} out cost on this model. */
    public BigDecimal cost(long promptTokens, long completionTokens) {
        return price.inputPer1m().multiply(BigDecimal.valueOf(promptTokens))
                .add(price.outputPer1m().multiply(BigDecimal.valueOf(completionTokens)))
                .divide(MILLION, 10, RoundingMode.HALF_UP);
    }
}
