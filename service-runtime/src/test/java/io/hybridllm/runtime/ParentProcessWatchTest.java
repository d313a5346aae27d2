package io.hybridllm.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

class ParentProcessWatchTest {

    private static final Duration FAST = Duration.ofMillis(50);

    @Test
    void exitsOnceWhenTheParentDies() throws Exception {
        Process parent = new ProcessBuilder("sleep", "60").start();
        CountDownLatch exited = new CountDownLatch(1);
        ParentProcessWatch watch = new ParentProcessWatch(parent.pid(), FAST, exited::countDown);
        watch.start();
        try {
            assertThat(exited.await(300, TimeUnit.MILLISECONDS)).as("no exit while the parent lives").isFalse();
            assertThat(watch.fired()).isFalse();

            parent.destroyForcibly().waitFor();

            assertThat(exited.await(5, TimeUnit.SECONDS)).as("exit once the parent is gone").isTrue();
            assertThat(watch.fired()).isTrue();
        } finally {
            watch.stop();
            parent.destroyForcibly();
        }
    }

    @Test
    void exitsAtOnceWhenTheParentIsAlreadyGone() throws Exception {
        Process parent = new ProcessBuilder("true").start();
        parent.waitFor();
        CountDownLatch exited = new CountDownLatch(1);
        ParentProcessWatch watch = new ParentProcessWatch(parent.pid(), FAST, exited::countDown);
        watch.start();

        assertThat(exited.await(5, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void aStoppedWatchNeverExits() throws Exception {
        Process parent = new ProcessBuilder("sleep", "60").start();
        CountDownLatch exited = new CountDownLatch(1);
        ParentProcessWatch watch = new ParentProcessWatch(parent.pid(), FAST, exited::countDown);
        watch.start();
        watch.stop();
        parent.destroyForcibly().waitFor();

        assertThat(exited.await(500, TimeUnit.MILLISECONDS)).isFalse();
    }

    @Test
    void refusesANonsensePid() {
        assertThatThrownBy(() -> new ParentProcessWatch(0, FAST, () -> {
        })).hasMessageContaining("positive");
    }
}
