package io.hybridllm.worker.core.resilience;

import java.util.Objects;

/** What stands between a request and one backend: its circuit breaker and its rate limits. */
public record Safeguards(Breaker breaker, RateLimiter limiter) {

    /** A local backend's: always closed, no limits (its slots are its limit). */
    public static final Safeguards NONE = new Safeguards(Breaker.NONE, RateLimiter.UNLIMITED);

    public Safeguards {
        Objects.requireNonNull(breaker, "breaker");
        Objects.requireNonNull(limiter, "limiter");
    }
}
