package io.hybridllm.ingest.tenants;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/** The bucket's arithmetic: bursts up to the rate, refilled evenly over the minute. */
class RateLimiterTest {

    @Test
    void aFullBucketTakesABurstUpToItsRate() {
        RateLimiter.Level level = RateLimiter.refill(600, Duration.ZERO, 600, 600, 0);
        assertThat(level.retryAfter()).isZero();
        assertThat(level.tokens()).isZero();
    }

    @Test
    void anEmptyBucketSaysHowLongUntilTheNextToken() {
        RateLimiter.Level level = RateLimiter.refill(0, Duration.ZERO, 2, 1, 0);
        assertThat(level.retryAfter()).isEqualTo(Duration.ofSeconds(30));
        assertThat(level.tokens()).isZero();
    }

    @Test
    void itRefillsEvenlyAndNeverAboveItsRate() {
        assertThat(RateLimiter.refill(0, Duration.ofSeconds(30), 60, 1, 0).tokens()).isEqualTo(29.0);
        assertThat(RateLimiter.refill(5, Duration.ofHours(1), 60, 1, 0).tokens()).isEqualTo(59.0);
    }

    @Test
    void aClockThatWentBackRefillsNothing() {
        RateLimiter.Level level = RateLimiter.refill(0.5, Duration.ofSeconds(-10), 60, 1, 0);
        assertThat(level.tokens()).isEqualTo(0.5);
        assertThat(level.retryAfter()).isEqualTo(Duration.ofMillis(500));
    }

    @Test
    void aBlockIsLeasedOnlyFromWholeTokensBeyondTheCost() {
        RateLimiter.Level plenty = RateLimiter.refill(100, Duration.ZERO, 6000, 1, 10);
        assertThat(plenty.leased()).isEqualTo(10);
        assertThat(plenty.tokens()).isEqualTo(89.0);
        RateLimiter.Level few = RateLimiter.refill(3.5, Duration.ZERO, 6000, 1, 10);
        assertThat(few.leased()).isEqualTo(2);
        assertThat(few.tokens()).isEqualTo(0.5);
    }

    @Test
    void aBlockNeverChangesARefusalNorLeasesFromDebt() {
        assertThat(RateLimiter.refill(0.5, Duration.ZERO, 6000, 1, 10))
                .isEqualTo(RateLimiter.refill(0.5, Duration.ZERO, 6000, 1, 0));
        RateLimiter.Level debt = RateLimiter.refill(5, Duration.ZERO, 5, 12, 10);
        assertThat(debt.leased()).isZero();
        assertThat(debt.tokens()).isEqualTo(-7.0);
    }

    @Test
    void theBlockIsATenthOfASecondOfTheRateAndNoneBelow600AMinute() {
        assertThat(RateLimiter.block(60)).isZero();
        assertThat(RateLimiter.block(599)).isZero();
        assertThat(RateLimiter.block(600)).isEqualTo(1);
        assertThat(RateLimiter.block(6000)).isEqualTo(10);
        assertThat(RateLimiter.block(100_000_000)).isEqualTo(RateLimiter.MAX_BLOCK);
    }
}
