package io.hybridllm.router.learning;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The bounds of this replica's outcome memory across tenants; each tenant's own bound is the policy's
 * {@code [scoring.learned] max_outcomes}. An outcome holds a 384-float embedding, about 1.6 KB.
 */
@ConfigMapping(prefix = "hybrid.router.learning")
public interface LearningConfig {

    /** Learnable outcomes held in all, every tenant's together. */
    @WithDefault("50000")
    int maxOutcomes();

    /** Tenants whose outcomes are held. */
    @WithDefault("1000")
    int maxTenants();
}
