package io.hybridllm.worker.core.resilience;

/**
 * A token bucket sized so that no 60-second window passes more than the limit: it holds a burst of one second's share
 * ({@code limit / 60}, at least 1) and refills at {@code (limit - burst + 0.9) / 60} a second (the 0.9 rather than 1
 * keeps rounding from ever letting one more through). A request larger than the burst may go when the bucket is full
 * and leaves it in debt, so that one large prompt is not starved. Not thread-safe: the {@link RateLimiter} guards it.
 */
final class Bucket {

    private static final double NANOS_PER_MINUTE = 60e9;

    private final double burst;
    private final double perNano;
    private double level;
    private long at;

    Bucket(int perMinute, long now) {
        if (perMinute < 1) {
            throw new IllegalArgumentException("a rate limit must be at least 1 per minute, not " + perMinute);
        }
        this.burst = Math.max(1, Math.floor(perMinute / 60.0));
        this.perNano = (perMinute - burst + 0.9) / NANOS_PER_MINUTE;
        this.level = burst;
        this.at = now;
    }

    /** How long until {@code amount} may be taken: 0 when it may now. */
    long nanosUntil(int amount, long now) {
        refill(now);
        double needed = Math.min(amount, burst);
        return level >= needed ? 0 : (long) Math.ceil((needed - level) / perNano);
    }

    void take(int amount, long now) {
        refill(now);
        level -= amount;
    }

    /** Gives back what a request was charged beyond what it used. */
    void refund(int amount, long now) {
        refill(now);
        level = Math.min(burst, level + amount);
    }

    private void refill(long now) {
        if (now > at) {
            level = Math.min(burst, level + (now - at) * perNano);
            at = now;
        }
    }
}
