package io.hybridllm.testkit.simulators;

import java.time.Duration;

/**
 * Faults a simulator draws for each answering call, as shares of the calls (0 to 1, at most 1 together): server errors
 * (500, 502 or 503), 429 with a {@code Retry-After}, timeouts (the call hangs for {@code hang}, longer than the
 * caller's timeout, then fails) and slow answers (the answer comes {@code slowBy} late).
 */
public record FaultRates(double serverErrors, double rateLimited, double timeouts, double slow, Duration retryAfter,
        Duration hang, Duration slowBy) {

    public static final FaultRates NONE = new FaultRates(0, 0, 0, 0, Duration.ZERO, Duration.ZERO, Duration.ZERO);

    public FaultRates {
        for (double rate : new double[] { serverErrors, rateLimited, timeouts, slow }) {
            if (rate < 0 || rate > 1) {
                throw new IllegalArgumentException("a fault rate is a share from 0 to 1, not " + rate);
            }
        }
        if (serverErrors + rateLimited + timeouts + slow > 1) {
            throw new IllegalArgumentException("fault rates add up to more than 1");
        }
    }
}
