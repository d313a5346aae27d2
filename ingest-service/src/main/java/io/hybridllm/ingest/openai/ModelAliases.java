package io.hybridllm.ingest.openai;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.hybridllm.contracts.Tier;
import io.hybridllm.contracts.pricing.PriceCatalogue;

/**
 * What an OpenAI {@code model} asks of routing. {@code auto} (or none) leaves the choice to the router; a tier name
 * ({@code local-fast}, {@code local-quality}, {@code cloud}) is a tier hint; {@code provider/model}, or a model the
 * price catalogue lists, is a provider hint with the model in {@code hints.context.model} (of the first provider that
 * lists it, in the catalogue's order). The router uses that model on the providers that serve it, or answers that none
 * does (see docs/routing.md).
 */
@ApplicationScoped
public class ModelAliases {

    public static final String AUTO = "auto";

    /** A model's routing hints: a tier, or a provider and model; empty for {@code auto}. */
    public record Hint(Tier tier, String provider, String model) {
    }

    private final PriceCatalogue catalogue;

    public ModelAliases(@ConfigProperty(name = "hybrid.pricing.file") Optional<String> pricingFile) {
        this.catalogue = pricingFile.filter(file -> !file.isBlank()).map(file -> PriceCatalogue.load(Path.of(file)))
                .orElseGet(PriceCatalogue::defaults);
    }

    public Optional<Hint> hintFor(String model) {
        if (model == null || model.isBlank() || AUTO.equals(model)) {
            return Optional.empty();
        }
        for (Tier tier : Tier.values()) {
            if (tier.wireName().equals(model)) {
                return Optional.of(new Hint(tier, null, null));
            }
        }
        int slash = model.indexOf('/');
        if (slash > 0 && slash < model.length() - 1) {
            return Optional.of(new Hint(null, model.substring(0, slash), model.substring(slash + 1)));
        }
        List<String> providers = catalogue.providers().entrySet().stream()
                .filter(entry -> entry.getValue().models().containsKey(model)).map(Map.Entry::getKey).toList();
        if (!providers.isEmpty()) {
            // Listed by several (gpt-4o by openai and azure-openai): the catalogue's first; provider/model picks
            // another.
            return Optional.of(new Hint(null, providers.getFirst(), model));
        }
        throw OpenAiError.failure(404, "model_not_found", "The model '" + model
                + "' is not known here: use auto, a tier (local-fast, local-quality, cloud), provider/model, or one of"
                + " GET /v1/models", "model");
    }

    /** The ids {@code GET /v1/models} lists: auto, the tiers, and every model of the price catalogue. */
    public List<String> ids() {
        List<String> ids = new ArrayList<>(List.of(AUTO));
        for (Tier tier : Tier.values()) {
            ids.add(tier.wireName());
        }
        catalogue.providers().forEach((provider, pricing) -> pricing.models().keySet().stream().sorted()
                .forEach(model -> ids.add(provider + "/" + model)));
        return ids;
    }
}
