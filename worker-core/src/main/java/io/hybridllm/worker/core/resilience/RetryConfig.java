package io.hybridllm.worker.core.resilience;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How a worker retries a failed call on the same backend before it fails over; see {@link RetryPolicy}. */
@ConfigMapping(prefix = "hybrid.worker.retry")
public interface RetryConfig {

    /** Retries after a retryable failure; 0 (the local workers' default) fails over at once. */
    @WithDefault("0")
    int maxRetries();

    /** The first backoff; each retry doubles it, up to {@link #maxBackoff()}, with jitter. */
    @WithDefault("200ms")
    Duration initialBackoff();

    @WithDefault("2s")
    Duration maxBackoff();

    /**
     * From the first call on a backend, how long a failing backend may keep a request: waits and retries that would
     * pass it fail over instead, and a retry's timeout is cut to what is left of it.
     */
    @WithDefault("5s")
    Duration failoverBudget();

    default RetryPolicy policy() {
        return new RetryPolicy(maxRetries(), initialBackoff(), maxBackoff(), failoverBudget());
    }
}
