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

    public Duration retryAfter() {
        return retryAfter;
    }
}
