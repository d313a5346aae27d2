package io.hybridllm.router.scoring;

import java.util.List;
import java.util.Map;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Weights and signals of the heuristic scorer; the defaults follow the seed's 30/30/25/15 split. */
@ConfigMapping(prefix = "hybrid.router.scoring")
public interface ScoringConfig {

    Weights weights();

    /** Prompt length, in characters, at which the length factor reaches 1. */
    @WithDefault("4000")
    int lengthSaturationChars();

    /** Words and phrases that signal reasoning or difficulty; three or more saturate the keyword factor. */
    List<String> keywords();

    /** Base difficulty per task type (its wire name, e.g. {@code commit_msg}); unknown types score 0.5. */
    Map<String, Double> taskTypes();

    interface Weights {
        @WithDefault("0.30")
        double length();

        @WithDefault("0.30")
        double keywords();

        @WithDefault("0.25")
        double code();

        @WithDefault("0.15")
        double taskType();

        /** Conversation depth; off by default, as in the seed. */
        @WithDefault("0.0")
        double depth();
    }
}
