package io.hybridllm.launcher.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class RestartPolicyTest {

    private static final Instant T0 = Instant.parse("2026-12-02T00:00:00Z");

    @Test
    void theDelayDoublesFromOneSecondUpToThirtySeconds() {
        RestartPolicy policy = new RestartPolicy();
        Instant now = T0;
        StringBuilder delays = new StringBuilder();
        for (int exit = 0; exit < 7; exit++) {
            // Each process ran a minute: not long enough to be called stable, long apart enough not to give up.
            Duration delay = policy.exited(now.minusSeconds(60), now, true);
            delays.append(delay.toSeconds()).append(' ');
            now = now.plus(Duration.ofMinutes(1));
        }
        assertThat(delays.toString().strip()).isEqualTo("1 2 4 8 16 30 30");
    }

    @Test
    void aServiceThatRanAWhileStartsOverAtOneSecond() {
        RestartPolicy policy = new RestartPolicy();
        policy.exited(T0, T0.plusSeconds(5), true);
        policy.exited(T0.plusSeconds(10), T0.plusSeconds(15), true);

        assertThat(policy.exited(T0.plusSeconds(20), T0.plusSeconds(20).plus(RestartPolicy.STABLE), true))
                .isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void givesUpAfterFiveExitsWithinTwoMinutes() {
        RestartPolicy policy = new RestartPolicy();
        for (int exit = 0; exit < 4; exit++) {
            assertThat(policy.exited(T0, T0.plusSeconds(10L * exit), true)).isNotNull();
        }
        assertThat(policy.exited(T0, T0.plusSeconds(50), true)).isNull();
    }

    @Test
    void exitsSpreadOverMoreThanTheWindowNeverGiveUp() {
        RestartPolicy policy = new RestartPolicy();
        for (int exit = 0; exit < 20; exit++) {
            Instant now = T0.plus(Duration.ofSeconds(31L * exit));
            assertThat(policy.exited(now.minusSeconds(5), now, true)).as("exit %d", exit).isNotNull();
        }
    }

    @Test
    void injectedCrashesAreRestartedButDoNotCountTowardsGivingUp() {
        RestartPolicy policy = new RestartPolicy();
        for (int exit = 0; exit < 10; exit++) {
            assertThat(policy.exited(T0, T0.plusSeconds(exit), false)).isNotNull();
        }
        assertThat(policy.recentFailures()).isZero();
    }
}
