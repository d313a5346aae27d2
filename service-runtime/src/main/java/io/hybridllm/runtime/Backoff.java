package io.hybridllm.runtime;

import java.time.Duration;

/** Delays between attempts: doubling from {@code first} up to {@code longest}. */
public record Backoff(Duration first, Duration longest) {

    /** Retries quickly after a blip, and at most every ten seconds while a dependency stays away. */
    public static final Backoff STARTUP = new Backoff(Duration.ofMillis(500), Duration.ofSeconds(10));

    public Backoff {
        if (first.isNegative() || first.isZero() || longest.compareTo(first) < 0) {
            throw new IllegalArgumentException("backoff needs 0 < first <= longest, got " + first + ", " + longest);
        }
    }

    public Duration after(Duration previous) {
        Duration doubled = previous.multipliedBy(2);
        return doubled.compareTo(longest) > 0 ? longest : doubled;
    }
}
