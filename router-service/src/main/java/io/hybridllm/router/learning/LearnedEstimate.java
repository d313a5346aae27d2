package io.hybridllm.router.learning;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.hybridllm.contracts.Tier;
import io.hybridllm.policy.Policy;

/**
 * What the tenant's past outcomes say of a prompt: the mean difficulty target of the {@code neighbours} most similar
 * ones at least {@code min_similarity} alike, or no opinion when fewer than {@code min_neighbours} are. The detail says
 * which tiers they needed, for the decision's {@code learned} factor.
 */
public record LearnedEstimate(boolean hasOpinion, double value, int consulted, String detail) {

    public static LearnedEstimate of(List<OutcomeMemory.Neighbour> nearest, Policy.Learned settings) {
        String similarity = String.format(Locale.ROOT, "similarity >= %.2f", settings.minSimilarity());
        if (nearest.size() < settings.minNeighbours()) {
            String found = nearest.isEmpty() ? "no similar past outcome"
                    : nearest.size() + " similar past outcome" + (nearest.size() == 1 ? "" : "s");
            return new LearnedEstimate(false, 0, nearest.size(), found + " (" + similarity + "), fewer than "
                    + settings.minNeighbours() + ": the fixed formula rules");
        }
        Map<Tier, Integer> needed = new EnumMap<>(Tier.class);
        double sum = 0;
        for (OutcomeMemory.Neighbour neighbour : nearest) {
            sum += neighbour.outcome().target();
            needed.merge(Difficulty.tierAt(neighbour.outcome().target()), 1, Integer::sum);
        }
        return new LearnedEstimate(true, Math.round(sum / nearest.size() * 1000) / 1000.0, nearest.size(),
                describe(needed, nearest.size()) + " (" + similarity + ")");
    }

    /** "7 of the 10 most similar past requests needed the cloud tier, 2 local-quality, 1 local-fast". */
    private static String describe(Map<Tier, Integer> needed, int total) {
        List<Tier> order = new ArrayList<>(List.of(Tier.CLOUD, Tier.LOCAL_QUALITY, Tier.LOCAL_FAST));
        order.removeIf(tier -> !needed.containsKey(tier));
        order.sort((a, b) -> Integer.compare(needed.get(b), needed.get(a)));
        StringBuilder text = new StringBuilder();
        for (Tier tier : order) {
            if (text.isEmpty()) {
                text.append(needed.get(tier)).append(" of the ").append(total)
                        .append(" most similar past requests needed the ").append(tier.wireName()).append(" tier");
            } else {
                text.append(", ").append(needed.get(tier)).append(' ').append(tier.wireName());
            }
        }
        return text.toString();
    }
}
