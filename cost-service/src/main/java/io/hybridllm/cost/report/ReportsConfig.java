package io.hybridllm.cost.report;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** What the savings report compares with, and when it recommends. */
@ConfigMapping(prefix = "hybrid.reports")
public interface ReportsConfig {

    /**
     * The reference cloud model, {@code provider/model} (e.g. {@code anthropic/claude-3-5-sonnet-20241022}): what the
     * same traffic would have cost on it is the "pure API" side of the savings report. Without it, the first cloud
     * provider of the policy's {@code [ai] fallback_chain} with its {@code model}.
     */
    Optional<String> reference();

    /** A task type is recommended for local tiers only with at least this many scored cloud calls in the range. */
    @WithDefault("20")
    int recommendMinCalls();

    /** ... and when at least this share of them scored under the policy's {@code local_quality_below}. */
    @WithDefault("0.5")
    double recommendShare();
}
