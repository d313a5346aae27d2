package io.hybridllm.ingest.tenants;

import java.time.Duration;

/** A tenant over its rate: 429, with how long to wait before a request would be taken. */
public class RateLimited extends RuntimeException {

    private final Duration retryAfter;

    public RateLimited(String tenant, int perMinute, Duration retryAfter) {
        this("tenant " + tenant + " is over its rate of " + perMinute + " submissions a minute", retryAfter);
    }

    private RateLimited(String message, Duration retryAfter) {
        super(message);
        this.retryAfter = retryAfter;
    }

    /** A batch of more requests than the tenant's rate allows in a minute: no wait would let it in whole. */
    static RateLimited neverWithin(String tenant, int perMinute, int cost) {
        return new RateLimited("a batch of " + cost + " requests is more than tenant " + tenant + "'s rate of "
                + perMinute + " submissions a minute; split it, or ask for a higher rate", Duration.ofMinutes(1));
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
