package io.hybridllm.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class RetryingStartupTest {

    private static final Backoff FAST = new Backoff(Duration.ofMillis(10), Duration.ofMillis(40));

    @Test
    void retriesUntilTheDependencyAnswersThenRunsWhatWaitedOnce() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        Flaky database = new Flaky(3, calls);
        CountDownLatch prepared = new CountDownLatch(1);
        AtomicInteger onPrepared = new AtomicInteger();
        RetryingStartup startup = new RetryingStartup(database, FAST, () -> {
            onPrepared.incrementAndGet();
            prepared.countDown();
        });

        startup.start();
        assertThat(startup.prepared()).isFalse();
        assertThat(startup.state()).startsWith("waiting for migrations (attempt 1), last error: Connection refused");

        assertThat(prepared.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(startup.prepared()).isTrue();
        assertThat(startup.state()).isEqualTo("ready");
        assertThat(calls).hasValue(4);
        assertThat(onPrepared).hasValue(1);
    }

    @Test
    void aDependencyThatAnswersAtOnceIsPreparedBeforeStartReturns() {
        RetryingStartup startup = new RetryingStartup(new Flaky(0, new AtomicInteger()), FAST, () -> {
        });
        startup.start();
        assertThat(startup.prepared()).isTrue();
    }

    @Test
    void aStoppedStartupStopsTrying() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        RetryingStartup startup = new RetryingStartup(new Flaky(Integer.MAX_VALUE, calls), FAST, () -> {
        });
        startup.start();
        startup.stop();
        Thread.sleep(200);
        int afterStop = calls.get();
        Thread.sleep(200);
        assertThat(calls.get()).isLessThanOrEqualTo(afterStop + 1);
        assertThat(startup.prepared()).isFalse();
    }

    @Test
    void describesTheRootCauseOnOneLineWithoutPasswords() {
        var error = new IllegalStateException("Unable to obtain connection",
                new SQLException("FATAL: password authentication failed for jdbc:postgresql://db/x?password=hunter2\n"
                        + "SQL State: 28P01"));
        assertThat(RetryingStartup.describe(error))
                .isEqualTo("FATAL: password authentication failed for jdbc:postgresql://db/x?password=***");
        assertThat(RetryingStartup.describe(new RuntimeException("x".repeat(1000)))).hasSizeLessThan(310);
    }

    @Test
    void backoffDoublesUpToItsLongestDelay() {
        Duration delay = Backoff.STARTUP.first();
        StringBuilder delays = new StringBuilder();
        for (int i = 0; i < 7; i++) {
            delays.append(delay.toMillis()).append(' ');
            delay = Backoff.STARTUP.after(delay);
        }
        assertThat(delays.toString().strip()).isEqualTo("500 1000 2000 4000 8000 10000 10000");
    }

    /** Refuses the first {@code failures} calls as an unreachable database would. */
    private record Flaky(int failures, AtomicInteger calls) implements StartupDependency {
        @Override
        public String name() {
            return "database";
        }

        @Override
        public String awaiting() {
            return "migrations";
        }

        @Override
        public void prepare() throws Exception {
            if (calls.incrementAndGet() <= failures) {
                throw new IllegalStateException("flyway", new ConnectException("Connection refused"));
            }
        }
    }
}
