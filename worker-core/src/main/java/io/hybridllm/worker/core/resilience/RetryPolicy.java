package io.hybridllm.worker.core.resilience;

import java.time.Duration;
import java.util.function.DoubleSupplier;

import io.hybridllm.contracts.ErrorInfo.ErrorCode;
import io.hybridllm.worker.core.CallResult;

/**
 * What to do after a failed call, by the failure's class. Retryable failures (rate limited, overloaded, provider error,
 * timeout, unavailable) are retried on the same backend after an exponential backoff with jitter, or after the wait the
 * provider asked for if that is longer, as long as both fit in what is left of the failover budget; otherwise the
 * request fails over. A refused or rate-limited key is retried at once when the backend has another key ready. Nothing
 * else is retried: an invalid request stops (no other model would take it), a prompt too long for the model goes to the
 * next target, and a content filter or a refused key (with no other key) sends it to the next backend.
 */
public record RetryPolicy(int maxRetries, Duration initialBackoff, Duration maxBackoff, Duration failoverBudget) {

    /** No retries: every failure moves on at once. */
    public static final RetryPolicy NONE = new RetryPolicy(0, Duration.ZERO, Duration.ZERO, Duration.ofSeconds(5));

    /** A retry left with less than this of the budget would hardly get an answer: fail over instead. */
    static final Duration MIN_CALL = Duration.ofMillis(500);

    public sealed interface Decision {
    }

    /**
     * Call the same backend again after {@code delay}, within {@code timeout}; {@code rotated} retries use another key
     * and do not count against the maximum.
     */
    public record Retry(Duration delay, Duration timeout, boolean rotated) implements Decision {
    }

    public enum Next implements Decision {
        /** Another backend with the model, else the next target. */
        BACKEND,
        /** The next target: no backend of this one would do better. */
        TARGET,
        /** No target would: the request fails. */
        STOP
    }

    /**
     * @param retries
     *            backoff retries made so far on this backend for this request
     * @param left
     *            what is left of the failover budget (never past the request's deadline)
     * @param otherKey
     *            whether the backend has another key ready
     * @param random
     *            in [0, 1), for the jitter
     */
    public Decision decide(CallResult.Failed failed, int retries, Duration left, boolean otherKey,
            DoubleSupplier random) {
        return switch (failed.error().code()) {
            case INVALID_REQUEST -> Next.STOP;
            case CONTEXT_TOO_LONG, TARGET_UNSUITABLE -> Next.TARGET;
            case AUTHENTICATION -> rotate(otherKey, left) ? new Retry(Duration.ZERO, left, true) : Next.BACKEND;
            case RATE_LIMITED -> rotate(otherKey, left) ? new Retry(Duration.ZERO, left, true)
                    : backoff(failed, retries, left, random);
            case OVERLOADED, PROVIDER_ERROR, TIMEOUT, PROVIDER_UNAVAILABLE -> backoff(failed, retries, left, random);
            default -> Next.BACKEND;
        };
    }

    /** Failures on the provider's side: the ones retries may outlast, and the ones circuit breakers count. */
    public static boolean providerSide(ErrorCode code) {
        return switch (code) {
            case RATE_LIMITED, OVERLOADED, PROVIDER_ERROR, TIMEOUT, PROVIDER_UNAVAILABLE -> true;
            default -> false;
        };
    }

    private static boolean rotate(boolean otherKey, Duration left) {
        return otherKey && left.compareTo(MIN_CALL) >= 0;
    }

    private Decision backoff(CallResult.Failed failed, int retries, Duration left, DoubleSupplier random) {
        if (retries >= maxRetries) {
            return Next.BACKEND;
        }
        Duration wait = backoff(retries, random);
        if (failed.retryAfter() != null && failed.retryAfter().compareTo(wait) > 0) {
            wait = failed.retryAfter();
        }
        Duration timeout = left.minus(wait);
        return timeout.compareTo(MIN_CALL) < 0 ? Next.BACKEND : new Retry(wait, timeout, false);
    }

    /** Equal jitter: half the exponential backoff, plus up to the other half at random, so retries spread out. */
    Duration backoff(int retries, DoubleSupplier random) {
        long exponential = initialBackoff.toMillis() << Math.min(retries, 20);
        long capped = Math.min(maxBackoff.toMillis(), exponential);
        return Duration.ofMillis(capped / 2 + (long) (random.getAsDouble() * (capped - capped / 2)));
    }
}
