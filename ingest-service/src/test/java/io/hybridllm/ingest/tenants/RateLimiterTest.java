package io.hybridllm.ingest.tenants;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/** The bucket's arithmetic: bursts up to the rate, refilled evenly over the minute. */
class RateLimiterTest {

    @Test
    void aFullBucketTakesABurstUpToItsRate() {
        RateLimiter.Level level = RateLimiter.refill(600, Duration.ZERO, 600, 600);
        assertThat(level.retryAfter()).isZero();
        assertThat(level.tokens()).isZero();
    }

    @Test
    void anEmptyBucketSaysHowLongUntilTheNextToken() {
        RateLimiter.Level level = RateLimiter.refill(0, Duration.ZERO, 2, 1);
        assertThat(level.retryAfter()).isEqualTo(Duration.ofSeconds(30));
        assertThat(level.tokens()).isZero();
    }

    @Test
    void itRefillsEvenlyAndNeverAboveItsRate() {
        assertThat(RateLimiter.refill(0, Duration.ofSeconds(30), 60, 1).tokens()).isEqualTo(29.0);
        assertThat(RateLimiter.refill(5, Duration.ofHours(1), 60, 1).tokens()).isEqualTo(59.0);
    }

    @Test
    void aClockThatWentBackRefillsNothing() {
        RateLimiter.Level level = RateLimiter.refill(0.5, Duration.ofSeconds(-10), 60, 1);
        assertThat(level.tokens()).isEqualTo(0.5);
        assertThat(level.retryAfter()).isEqualTo(Duration.ofMillis(500));
    }
}
