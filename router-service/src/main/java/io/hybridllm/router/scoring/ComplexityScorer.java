package io.hybridllm.router.scoring;

import java.util.List;

import io.hybridllm.contracts.LlmRequest;
import io.hybridllm.contracts.ScoreFactor;
import io.hybridllm.policy.Policy;

/** Scores how hard a request is, in [0, 1], and says why. Another scorer can replace the heuristic one by CDI. */
public interface ComplexityScorer {

    /**
     * {@code embedding}: the prompt's, when the scorer made one (null otherwise), for the decision to carry;
     * {@code rule}: a reason for the decision's rule when the score was set by more than its factors' weighing (null
     * otherwise).
     */
    record Score(double value, List<ScoreFactor> factors, float[] embedding, String rule) {

        public Score(double value, List<ScoreFactor> factors) {
            this(value, factors, null, null);
        }
    }

    /** Scores the request, as its tenant, by the policy's {@code [scoring]}. */
    Score score(LlmRequest request, Policy.Scoring scoring);
}
