package io.hybridllm.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/**
 * The system as {@code ./hybrid up --simulate} runs it starts a service again by itself when its process dies: here a
 * SIGKILL from outside the launcher, as the OOM killer would send it.
 */
class SupervisionIT {

    @Test
    void aServiceKilledFromOutsideIsStartedAgainByTheLauncher() throws Exception {
        LocalSystem system = SimulatedSystem.get();
        long killed = system.pids().get(Service.WORKER_LOCAL.module());
        int restartsBefore = system.supervisorRestarts().get(Service.WORKER_LOCAL.module());

        ProcessHandle.of(killed).orElseThrow().destroyForcibly();

        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500))
                .until(() -> system.allAlive() && system.pids().get(Service.WORKER_LOCAL.module()) != killed);
        system.awaitReady(Service.WORKER_LOCAL);
        assertThat(ProcessHandle.of(killed).map(ProcessHandle::isAlive)).isIn(Optional.empty(), Optional.of(false));
        assertThat(system.supervisorRestarts().get(Service.WORKER_LOCAL.module())).isEqualTo(restartsBefore + 1);
    }
}
