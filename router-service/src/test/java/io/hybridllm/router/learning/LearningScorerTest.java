package io.hybridllm.router.learning;

import static io.hybridllm.router.learning.OutcomeMemoryTest.unit;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.hybridllm.contracts.LlmRequest;
import io.hybridllm.contracts.RequestHints;
import io.hybridllm.contracts.ScoreFactor;
import io.hybridllm.contracts.TaskType;
import io.hybridllm.contracts.Tier;
import io.hybridllm.policy.Policy;
import io.hybridllm.router.Prompts;
import io.hybridllm.router.ShippedConfig;
import io.hybridllm.router.cache.ResponseCache;
import io.hybridllm.router.scoring.ComplexityScorer;
import io.hybridllm.router.scoring.HeuristicComplexityScorer;

/** The learned scorer beside the fixed formula: from nothing, blended, alone, and straight past the local tiers. */
class LearningScorerTest {

    private static final Policy.Weights WEIGHTS = new Policy.Weights(0.30, 0.30, 0.25, 0.15, 0.0);
    private static final OutcomeMemory.Limits ROOMY = new OutcomeMemory.Limits(100, 1000, 10);

    /** Prompts about proofs point one way, everything else another: a stand-in for the model. */
    private static final ResponseCache.Embedders EMBEDDERS = new ResponseCache.Embedders() {
        @Override
        public float[] prompt(LlmRequest request) {
            return request.promptText().contains("prove") ? unit(1, 0.05f) : unit(0, 1);
        }
    };

    private final OutcomeMemory memory = new OutcomeMemory();
    private final HeuristicComplexityScorer heuristic = new HeuristicComplexityScorer(ShippedConfig.scoring());
    private final LearningScorer scorer = new LearningScorer(heuristic, memory, EMBEDDERS);

    private static Policy.Scoring scoring(Policy.ScoringMethod method, double weight) {
        return new Policy.Scoring(0.3, 0.6, WEIGHTS, method, new Policy.Learned(weight, 10, 3, 0.5, 0.8, 5000));
    }

    private static LlmRequest chat(String prompt) {
        return Prompts.request("r", TaskType.CHAT, prompt, RequestHints.NONE);
    }

    private void learnThatProofsNeedTheCloud(String tenant) {
        for (int i = 0; i < 5; i++) {
            memory.learn(tenant, new OutcomeMemory.Held("p" + i, unit(1, 0.01f * i), Tier.CLOUD, 1.0), ROOMY);
        }
    }

    private static ScoreFactor learned(ComplexityScorer.Score score) {
        return score.factors().stream().filter(f -> f.name().equals("learned")).findFirst().orElseThrow();
    }

    @Test
    void withTheFixedFormulaNothingIsEmbeddedOrLearned() {
        learnThatProofsNeedTheCloud("acme");
        ComplexityScorer.Score score = scorer.score(chat("prove it"), scoring(Policy.ScoringMethod.HEURISTIC, 0.5));
        assertThat(score.value()).isEqualTo(heuristic.score(chat("prove it"), WEIGHTS).value());
        assertThat(score.embedding()).isNull();
        assertThat(score.factors()).extracting(ScoreFactor::name).doesNotContain("learned");
    }

    @Test
    void fromNothingTheFixedFormulaRulesAndTheFactorSaysSo() {
        ComplexityScorer.Score score = scorer.score(chat("prove it"), scoring(Policy.ScoringMethod.BLEND, 0.5));
        assertThat(score.value()).isEqualTo(heuristic.score(chat("prove it"), WEIGHTS).value());
        assertThat(score.embedding()).as("carried for the outcome to be learned from").isNotNull();
        assertThat(learned(score).weight()).isZero();
        assertThat(learned(score).detail()).contains("no similar past outcome", "the fixed formula rules");
        assertThat(score.rule()).isNull();
    }

    @Test
    void blendWeighsTheEstimateAndAHighOneGoesPastTheLocalTiers() {
        learnThatProofsNeedTheCloud("acme");
        double fixed = heuristic.score(chat("prove it"), WEIGHTS).value();
        ComplexityScorer.Score score = scorer.score(chat("prove it"), scoring(Policy.ScoringMethod.BLEND, 0.25));
        assertThat(fixed).isLessThan(0.6);
        assertThat(learned(score).value()).isEqualTo(1.0);
        assertThat(learned(score).weight()).isEqualTo(0.25);
        assertThat(learned(score).detail()).startsWith("5 of the 5 most similar past requests needed the cloud tier");
        assertThat(score.value()).as("raised to local_quality_below").isEqualTo(0.6);
        assertThat(score.rule()).contains("straight past the local tiers");
    }

    @Test
    void learnedTakesTheEstimateWholeWhereThereIsOne() {
        for (int i = 0; i < 5; i++) {
            memory.learn("acme", new OutcomeMemory.Held("q" + i, unit(1, 0.01f * i), Tier.LOCAL_QUALITY, 0.5), ROOMY);
        }
        ComplexityScorer.Score score = scorer.score(chat("prove it"), scoring(Policy.ScoringMethod.LEARNED, 1.0));
        assertThat(score.value()).isEqualTo(0.5);
        assertThat(score.rule()).as("0.5 is below straight_above").isNull();
        ComplexityScorer.Score unlike = scorer.score(chat("hello"), scoring(Policy.ScoringMethod.LEARNED, 1.0));
        assertThat(unlike.value()).as("a dissimilar prompt: the fixed formula")
                .isEqualTo(heuristic.score(chat("hello"), WEIGHTS).value());
    }

    @Test
    void anotherTenantsOutcomesDoNotCount() {
        learnThatProofsNeedTheCloud("globex");
        ComplexityScorer.Score score = scorer.score(chat("prove it"), scoring(Policy.ScoringMethod.BLEND, 0.5));
        assertThat(learned(score).weight()).isZero();
        assertThat(score.rule()).isNull();
    }
}
