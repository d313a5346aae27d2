package io.hybridllm.testkit.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.hybridllm.testkit.support.FreePorts;

/**
 * The embedded server's commits are fast by default and wait for the disk when asked ({@code hybrid up --durable}), and
 * the server says which, as the benchmarks print it.
 */
class DurabilityTest {

    @Test
    void commitsWaitForTheDiskOnlyWhenDurable() {
        try (EmbeddedPostgresServer fast = EmbeddedPostgresServer.start(FreePorts.next(), false)) {
            assertThat(fast.durability()).isEqualTo("fsync=on, synchronous_commit=off");
        }
        try (EmbeddedPostgresServer durable = EmbeddedPostgresServer.start(FreePorts.next(), true)) {
            assertThat(durable.durability()).isEqualTo("fsync=on, synchronous_commit=on");
            durable.restart();
            assertThat(durable.durability()).as("a restart keeps the setting")
                    .isEqualTo("fsync=on, synchronous_commit=on");
        }
    }
}
