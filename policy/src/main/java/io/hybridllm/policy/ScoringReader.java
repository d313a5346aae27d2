package io.hybridllm.policy;

import java.util.Arrays;
import java.util.Locale;

/**
 * Reads {@code [scoring]}: the fixed formula's thresholds and weights, the method, and {@code [scoring.learned]}, which
 * is refused where the method would not use it.
 */
final class ScoringReader {

    private ScoringReader() {
    }

    static Policy.Scoring read(Table table, Problems problems) {
        Table thresholds = table.table("thresholds");
        double fast = thresholds.number("local_fast_below", 0.3, 0, 1);
        double quality = thresholds.number("local_quality_below", 0.6, 0, 1);
        if (fast > quality) {
            problems.add(thresholds.key("local_fast_below"), "is " + fast + ", above local_quality_below (" + quality
                    + "): thresholds must rise from local-fast to local-quality");
        }
        thresholds.rejectUnknown();
        Table w = table.table("weights");
        Policy.Weights weights = new Policy.Weights(w.number("length", 0.30, 0, 1), w.number("keywords", 0.30, 0, 1),
                w.number("code", 0.25, 0, 1), w.number("task_type", 0.15, 0, 1), w.number("depth", 0.0, 0, 1));
        if (weights.length() + weights.keywords() + weights.code() + weights.taskType() + weights.depth() == 0) {
            problems.add(w.path(), "are all zero: at least one factor must count");
        }
        w.rejectUnknown();
        Policy.ScoringMethod method = method(table, problems);
        Policy.Learned learned = learned(table, method, problems);
        table.rejectUnknown();
        return new Policy.Scoring(fast, quality, weights, method, learned);
    }

    private static Policy.ScoringMethod method(Table table, Problems problems) {
        String name = table.text("method", "heuristic");
        return Arrays.stream(Policy.ScoringMethod.values()).filter(m -> m.name().toLowerCase(Locale.ROOT).equals(name))
                .findFirst().orElseGet(() -> {
                    problems.add(table.key("method"), "is '" + name + "', must be heuristic (the fixed formula),"
                            + " learned (the estimate from past outcomes where there is one) or blend (both, weighted)");
                    return Policy.ScoringMethod.HEURISTIC;
                });
    }

    private static Policy.Learned learned(Table scoring, Policy.ScoringMethod method, Problems problems) {
        boolean set = scoring.raw("learned") != null;
        Table table = scoring.table("learned");
        Policy.Learned d = Policy.Learned.DEFAULTS;
        if (set && method == Policy.ScoringMethod.HEURISTIC) {
            problems.add(table.path(), "is set, but [scoring] method is heuristic, which learns nothing: set method to"
                    + " learned or blend, or remove the table");
            return d;
        }
        double weight = method == Policy.ScoringMethod.LEARNED ? 1.0 : d.weight();
        if (table.raw("weight") != null && method == Policy.ScoringMethod.LEARNED) {
            problems.add(table.key("weight"), "has no effect with method learned, which takes the learned estimate"
                    + " whole: use method blend to weigh it");
        } else {
            weight = table.number("weight", weight, 0, 1);
            if (weight == 0) {
                problems.add(table.key("weight"), "is 0: the learned estimate would not count; use method heuristic");
            }
        }
        int neighbours = table.integer("neighbours", d.neighbours(), 1, 100);
        int least = table.integer("min_neighbours", d.minNeighbours(), 1, 100);
        if (least > neighbours) {
            problems.add(table.key("min_neighbours"), "is " + least + ", above neighbours (" + neighbours
                    + "): more similar outcomes would be needed than are consulted");
        }
        double similarity = table.number("min_similarity", d.minSimilarity(), 0, 1);
        double straight = table.number("straight_above", d.straightAbove(), 0, 1);
        if (straight <= 0.5) {
            problems.add(table.key("straight_above"), "is " + straight + ", must be above 0.5 (the local-quality tier's"
                    + " level): requests that local-quality answered would otherwise skip the local tiers");
        }
        int maxOutcomes = table.integer("max_outcomes", d.maxOutcomes(), 1, 50_000);
        table.rejectUnknown();
        return new Policy.Learned(weight, neighbours, least, similarity, straight, maxOutcomes);
    }
}
