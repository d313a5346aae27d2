package io.hybridllm.router.scoring;

import java.util.List;

import io.hybridllm.contracts.LlmRequest;
import io.hybridllm.contracts.ScoreFactor;
import io.hybridllm.policy.Policy;

/** Scores how hard a request is, in [0, 1], and says why. Another scorer can replace the heuristic one by CDI. */
public interface ComplexityScorer {

    record Score(double value, List<ScoreFactor> factors) {
    }

    /** Scores with the weights of the policy in force. */
    Score score(LlmRequest request, Policy.Weights weights);
}
