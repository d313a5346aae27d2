package io.hybridllm.router.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.hybridllm.contracts.RequestHints;
import io.hybridllm.contracts.ScoreFactor;
import io.hybridllm.contracts.TaskType;
import io.hybridllm.policy.Policy;
import io.hybridllm.router.Prompts;

class HeuristicComplexityScorerTest {

    record Config(int lengthSaturationChars, List<String> keywords, Map<String, Double> taskTypes)
            implements ScoringConfig {
    }

    private static final Policy.Weights SEED = new Policy.Weights(0.30, 0.30, 0.25, 0.15, 0.0);

    private final HeuristicComplexityScorer scorer = new HeuristicComplexityScorer(new Config(4000,
            List.of("analyze", "refactor", "race condition"), Map.of("chat", 0.3, "refactor", 0.8, "classify", 0.1)));

    @Test
    void simpleQuestionScoresLow() {
        var score = scorer.score(Prompts.request("s", TaskType.CHAT, Prompts.SIMPLE, RequestHints.NONE), SEED);
        assertThat(score.value()).isLessThan(0.3);
    }

    @Test
    void longCodeWithDifficultyKeywordsScoresHighAndExplainsEachFactor() {
        var score = scorer.score(Prompts.request("c", TaskType.REFACTOR, Prompts.COMPLEX, RequestHints.NONE), SEED);
        assertThat(score.value()).isGreaterThanOrEqualTo(0.6);
        assertThat(score.factors()).extracting(ScoreFactor::name).containsExactly("length", "keywords", "code",
                "task_type", "depth");
        assertThat(score.factors()).filteredOn(f -> f.name().equals("code")).singleElement()
                .satisfies(f -> assertThat(f.detail()).isEqualTo("fenced code block"));
        assertThat(score.factors()).filteredOn(f -> f.name().equals("keywords")).singleElement()
                .satisfies(f -> assertThat(f.detail()).contains("analyze", "race condition"));
    }

    @Test
    void stackTracesAndDiffsCountAsCode() {
        assertThat(
                CodeDetector.inspect("java.lang.NullPointerException\n    at com.acme.Foo.bar(Foo.java:42)\n").detail())
                        .isEqualTo("stack trace");
        assertThat(CodeDetector.inspect("diff --git a/x b/x\n@@ -1,2 +1,2 @@\n-a\n+b\n").detail()).isEqualTo("diff");
        assertThat(CodeDetector.inspect("Tell me a story about a cat.").value()).isZero();
    }

    @Test
    void unknownWeightsOfZeroStillGiveAScoreInRange() {
        var zero = new HeuristicComplexityScorer(new Config(4000, List.of(), Map.of()));
        assertThat(zero
                .score(Prompts.request("z", TaskType.CHAT, "x", RequestHints.NONE), new Policy.Weights(0, 0, 0, 0, 0))
                .value()).isZero();
    }
}
