package io.hybridllm.router.learning;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;

import io.hybridllm.contracts.LlmRequest;
import io.hybridllm.contracts.ScoreFactor;
import io.hybridllm.policy.Policy;
import io.hybridllm.router.cache.ResponseCache;
import io.hybridllm.router.scoring.ComplexityScorer;
import io.hybridllm.router.scoring.HeuristicComplexityScorer;

/**
 * The scorer routing uses: the fixed formula ({@link HeuristicComplexityScorer}), and with {@code [scoring] method}
 * {@code learned} or {@code blend} the estimate from the tenant's most similar past outcomes beside it (see
 * {@link LearnedEstimate}). Without an opinion (too few similar outcomes, as at the start) the fixed formula rules. An
 * estimate at or above {@code straight_above} raises the score to the deep depth, past the local tiers.
 */
@ApplicationScoped
public class LearningScorer implements ComplexityScorer {

    private final HeuristicComplexityScorer heuristic;
    private final OutcomeMemory memory;
    private final ResponseCache.Embedders embedders;

    public LearningScorer(HeuristicComplexityScorer heuristic, OutcomeMemory memory,
            ResponseCache.Embedders embedders) {
        this.heuristic = heuristic;
        this.memory = memory;
        this.embedders = embedders;
    }

    @Override
    public Score score(LlmRequest request, Policy.Scoring scoring) {
        Score fixed = heuristic.score(request, scoring.weights());
        // An embed request's tier is the route's, not the score's: nothing to learn or to use.
        if (!scoring.learns() || request.embeds()) {
            return fixed;
        }
        float[] vector = embedders.prompt(request);
        Policy.Learned settings = scoring.learned();
        LearnedEstimate estimate = LearnedEstimate.of(
                memory.nearest(request.tenant(), vector, settings.neighbours(), settings.minSimilarity()), settings);
        List<ScoreFactor> factors = new ArrayList<>(fixed.factors());
        factors.add(new ScoreFactor("learned", estimate.hasOpinion() ? estimate.value() : 0,
                estimate.hasOpinion() ? settings.weight() : 0, estimate.detail()));
        if (!estimate.hasOpinion()) {
            return new Score(fixed.value(), List.copyOf(factors), vector, null);
        }
        double value = Math
                .round((scoring.method() == Policy.ScoringMethod.LEARNED ? estimate.value()
                        : (1 - settings.weight()) * fixed.value() + settings.weight() * estimate.value()) * 1000)
                / 1000.0;
        String rule = null;
        if (estimate.value() >= settings.straightAbove() && value < scoring.localQualityBelow()) {
            value = scoring.localQualityBelow();
            rule = String.format(Locale.ROOT,
                    "learned: similar past requests needed a stronger tier (%.3f >= straight_above %.2f), straight"
                            + " past the local tiers (score raised to local_quality_below %.2f)",
                    estimate.value(), settings.straightAbove(), scoring.localQualityBelow());
        }
        return new Score(value, List.copyOf(factors), vector, rule);
    }
}
