package io.hybridllm.worker.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

class CancellationsTest {

    private final Instant now = Instant.parse("2026-12-01T12:00:00Z");

    @Test
    void beyondTheMaximumTheOldestIsForgottenFirst() {
        Cancellations cancellations = new Cancellations(new SimpleMeterRegistry(), Duration.ofDays(8), 3);
        for (int i = 1; i <= 5; i++) {
            cancellations.remember("r" + i, now.minusSeconds(10 - i), now);
        }
        assertThat(cancellations.size()).isEqualTo(3);
        assertThat(cancellations.evicted()).isEqualTo(2);
        assertThat(cancellations.cancelledAt("r1")).isEmpty();
        assertThat(cancellations.cancelledAt("r2")).isEmpty();
        assertThat(cancellations.cancelledAt("r5")).contains(now.minusSeconds(5));
    }

    @Test
    void cancellationsOlderThanTheKeepAreForgotten() {
        Cancellations cancellations = new Cancellations(new SimpleMeterRegistry(), Duration.ofHours(1), 100);
        cancellations.remember("old", now.minus(Duration.ofMinutes(50)), now);
        cancellations.remember("new", now, now.plus(Duration.ofMinutes(20)));
        assertThat(cancellations.cancelledAt("old")).isEmpty();
        assertThat(cancellations.cancelledAt("new")).isPresent();
        cancellations.remember("ancient", now.minus(Duration.ofDays(2)), now);
        assertThat(cancellations.cancelledAt("ancient")).isEmpty();
    }

    @Test
    void aMaximumBelowOneIsRefusedNamingTheKey() {
        assertThatThrownBy(() -> new Cancellations(new SimpleMeterRegistry(), Duration.ofDays(1), 0))
                .hasMessageContaining("hybrid.worker.cancellations.max");
    }
}
