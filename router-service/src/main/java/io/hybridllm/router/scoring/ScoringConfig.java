package io.hybridllm.router.scoring;

import java.util.List;
import java.util.Map;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The signals of the heuristic scorer; their weights are the policy's ([scoring.weights]). */
@ConfigMapping(prefix = "hybrid.router.scoring")
public interface ScoringConfig {

    /** Prompt length, in characters, at which the length factor reaches 1. */
    @WithDefault("4000")
    int lengthSaturationChars();

    /** Words and phrases that signal reasoning or difficulty; three or more saturate the keyword factor. */
    List<String> keywords();

    /** Base difficulty per task type (its wire name, e.g. {@code commit_msg}); unknown types score 0.5. */
    Map<String, Double> taskTypes();

}
