package io.hybridllm.worker.core.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.hybridllm.contracts.ErrorInfo;
import io.hybridllm.contracts.ErrorInfo.ErrorCode;
import io.hybridllm.worker.core.CallResult;
import io.hybridllm.worker.core.resilience.RetryPolicy.Next;
import io.hybridllm.worker.core.resilience.RetryPolicy.Retry;

class RetryPolicyTest {

    private static final RetryPolicy POLICY = new RetryPolicy(2, Duration.ofMillis(200), Duration.ofSeconds(2),
            Duration.ofSeconds(5));
    private static final Duration LEFT = Duration.ofSeconds(5);

    private static CallResult.Failed failed(ErrorCode code, Duration retryAfter) {
        return new CallResult.Failed(new ErrorInfo(code, "simulated"), retryAfter, "KEY_1");
    }

    private static RetryPolicy.Decision decide(ErrorCode code, int retries, boolean otherKey) {
        return POLICY.decide(failed(code, null), retries, LEFT, otherKey, () -> 0.5);
    }

    @Test
    void providerSideFailuresAreRetriedAfterABackoffUntilTheMaximum() {
        for (ErrorCode code : new ErrorCode[] { ErrorCode.OVERLOADED, ErrorCode.PROVIDER_ERROR, ErrorCode.TIMEOUT,
                ErrorCode.PROVIDER_UNAVAILABLE, ErrorCode.RATE_LIMITED }) {
            assertThat(decide(code, 0, false)).as(code.name()).isInstanceOfSatisfying(Retry.class, retry -> {
                assertThat(retry.rotated()).isFalse();
                assertThat(retry.delay()).isBetween(Duration.ofMillis(100), Duration.ofMillis(200));
                assertThat(retry.timeout()).isEqualTo(LEFT.minus(retry.delay()));
            });
            assertThat(decide(code, 2, false)).as(code.name()).isEqualTo(Next.BACKEND);
            assertThat(RetryPolicy.providerSide(code)).isTrue();
        }
    }

    @Test
    void nothingElseIsRetried() {
        assertThat(decide(ErrorCode.INVALID_REQUEST, 0, true)).isEqualTo(Next.STOP);
        assertThat(decide(ErrorCode.CONTEXT_TOO_LONG, 0, true)).isEqualTo(Next.TARGET);
        assertThat(decide(ErrorCode.CONTENT_FILTERED, 0, true)).isEqualTo(Next.BACKEND);
        assertThat(decide(ErrorCode.AUTHENTICATION, 0, false)).isEqualTo(Next.BACKEND);
        for (ErrorCode code : new ErrorCode[] { ErrorCode.INVALID_REQUEST, ErrorCode.CONTEXT_TOO_LONG,
                ErrorCode.CONTENT_FILTERED, ErrorCode.AUTHENTICATION }) {
            assertThat(RetryPolicy.providerSide(code)).as(code.name()).isFalse();
        }
    }

    @Test
    void aRefusedOrRateLimitedKeyIsRetriedAtOnceWithTheNextOneWhateverTheCount() {
        assertThat(decide(ErrorCode.AUTHENTICATION, 2, true)).isEqualTo(new Retry(Duration.ZERO, LEFT, true));
        assertThat(decide(ErrorCode.RATE_LIMITED, 2, true)).isEqualTo(new Retry(Duration.ZERO, LEFT, true));
    }

    @Test
    void theBackoffDoublesUpToTheCapWithJitterInItsUpperHalf() {
        assertThat(POLICY.backoff(0, () -> 0.0)).isEqualTo(Duration.ofMillis(100));
        assertThat(POLICY.backoff(0, () -> 0.999)).isEqualTo(Duration.ofMillis(199));
        assertThat(POLICY.backoff(1, () -> 0.0)).isEqualTo(Duration.ofMillis(200));
        assertThat(POLICY.backoff(3, () -> 0.0)).isEqualTo(Duration.ofMillis(800));
        assertThat(POLICY.backoff(10, () -> 0.999)).isEqualTo(Duration.ofMillis(1999));
    }

    @Test
    void retryAfterIsHonouredWhenItFitsTheBudgetAndFailsOverWhenItDoesNot() {
        RetryPolicy.Decision fits = POLICY.decide(failed(ErrorCode.RATE_LIMITED, Duration.ofSeconds(2)), 0, LEFT, false,
                () -> 0.5);
        assertThat(fits).isEqualTo(new Retry(Duration.ofSeconds(2), Duration.ofSeconds(3), false));

        RetryPolicy.Decision tooLong = POLICY.decide(failed(ErrorCode.RATE_LIMITED, Duration.ofSeconds(7)), 0, LEFT,
                false, () -> 0.5);
        assertThat(tooLong).isEqualTo(Next.BACKEND);
    }

    @Test
    void aRetryWithHardlyAnyBudgetLeftFailsOverInstead() {
        assertThat(POLICY.decide(failed(ErrorCode.TIMEOUT, null), 0, Duration.ofMillis(600), false, () -> 0.5))
                .isEqualTo(Next.BACKEND);
        assertThat(POLICY.decide(failed(ErrorCode.AUTHENTICATION, null), 0, Duration.ofMillis(100), true, () -> 0.5))
                .isEqualTo(Next.BACKEND);
    }
}
