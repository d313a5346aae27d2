package io.hybridllm.router.routing;

import java.util.List;
import java.util.Map;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Tier thresholds and the targets each tier is served by, in failover order. */
@ConfigMapping(prefix = "hybrid.router")
public interface RoutingConfig {

    Thresholds thresholds();

    /** Per tier wire name, targets as {@code provider/model}, e.g. {@code local-fast=ollama/llama3.2:1b}. */
    Map<String, List<String>> targets();

    @WithDefault("hybrid")
    String mode();

    @WithDefault("builtin-1")
    String policyVersion();

    interface Thresholds {
        /** Scores below this go to local-fast. */
        @WithDefault("0.3")
        double localFastBelow();

        /** Scores below this (and not below the first) go to local-quality; the rest go to the cloud. */
        @WithDefault("0.6")
        double localQualityBelow();
    }
}
