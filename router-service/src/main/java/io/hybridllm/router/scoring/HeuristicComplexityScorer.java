package io.hybridllm.router.scoring;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;

import io.hybridllm.contracts.LlmRequest;
import io.hybridllm.contracts.ScoreFactor;
import io.hybridllm.contracts.TaskType;
import io.hybridllm.policy.Policy;

/**
 * Scores by prompt length, difficulty keywords, code, task type and conversation depth, each weighted as the policy
 * says; the signals themselves (keywords, task type difficulty) are configuration of this service.
 */
@ApplicationScoped
@Typed(HeuristicComplexityScorer.class) // the fixed formula inside the scorer routing uses (learning.LearningScorer)
public class HeuristicComplexityScorer implements ComplexityScorer {

    private static final double UNKNOWN_TASK_TYPE = 0.5;

    private final ScoringConfig config;

    public HeuristicComplexityScorer(ScoringConfig config) {
        this.config = config;
    }

    @Override
    public Score score(LlmRequest request, Policy.Scoring scoring) {
        return score(request, scoring.weights());
    }

    public Score score(LlmRequest request, Policy.Weights weights) {
        String text = request.promptText();
        List<ScoreFactor> factors = List.of(length(text, weights.length()), keywords(text, weights.keywords()),
                code(text, weights.code()), taskType(request.taskType(), weights.taskType()),
                depth(request, weights.depth()));
        double total = factors.stream().mapToDouble(ScoreFactor::contribution).sum();
        double weightSum = factors.stream().mapToDouble(ScoreFactor::weight).sum();
        double value = weightSum == 0 ? 0 : Math.min(1.0, total / weightSum);
        return new Score(round(value), factors);
    }

    private ScoreFactor length(String text, double weight) {
        double value = Math.min(1.0, (double) text.length() / config.lengthSaturationChars());
        return new ScoreFactor("length", round(value), weight,
                text.length() + " chars, saturates at " + config.lengthSaturationChars());
    }

    private ScoreFactor keywords(String text, double weight) {
        String lower = text.toLowerCase(Locale.ROOT);
        List<String> hits = new ArrayList<>();
        for (String keyword : config.keywords()) {
            if (lower.contains(keyword.toLowerCase(Locale.ROOT))) {
                hits.add(keyword);
            }
        }
        double value = Math.min(1.0, hits.size() / 3.0);
        return new ScoreFactor("keywords", round(value), weight, hits.isEmpty() ? "none" : String.join(", ", hits));
    }

    private static ScoreFactor code(String text, double weight) {
        CodeDetector.Finding finding = CodeDetector.inspect(text);
        return new ScoreFactor("code", round(finding.value()), weight, finding.detail());
    }

    private ScoreFactor taskType(TaskType taskType, double weight) {
        String name = taskType.name().toLowerCase(Locale.ROOT);
        double value = config.taskTypes().getOrDefault(name, UNKNOWN_TASK_TYPE);
        return new ScoreFactor("task_type", value, weight, name);
    }

    private static ScoreFactor depth(LlmRequest request, double weight) {
        int turns = request.messages().size();
        double value = Math.min(1.0, (turns - 1) / 10.0);
        return new ScoreFactor("depth", round(value), weight, turns + " messages");
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
