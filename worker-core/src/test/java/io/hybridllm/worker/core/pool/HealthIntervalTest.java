package io.hybridllm.worker.core.pool;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.hybridllm.policy.PolicyLoader;

/** The time between health rounds: the policy's [health] check_interval_seconds, else the worker's own setting. */
class HealthIntervalTest {

    @Test
    void thePolicysIntervalWinsWhereItIsSet() {
        assertThat(
                HealthMonitor.interval(PolicyLoader.fromText("[health]\ncheck_interval_seconds = 7\n", "test").policy(),
                        Duration.ofSeconds(10))).isEqualTo(Duration.ofSeconds(7));
        assertThat(HealthMonitor.interval(PolicyLoader.fromText("", "test").policy(), Duration.ofSeconds(10)))
                .isEqualTo(Duration.ofSeconds(10));
    }
}
