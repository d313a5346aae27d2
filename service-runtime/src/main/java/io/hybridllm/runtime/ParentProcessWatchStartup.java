package io.hybridllm.runtime;

import java.time.Duration;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Starts the {@link ParentProcessWatch} when {@code HYBRID_PARENT_PID} is set ({@code ./hybrid up} sets it to its own
 * pid). Unset, as in production, nothing is watched: there a container runtime or Kubernetes owns the process.
 */
@ApplicationScoped
public class ParentProcessWatchStartup {

    private static final Duration CHECK_INTERVAL = Duration.ofSeconds(1);

    private final Optional<Long> parentPid;
    private ParentProcessWatch watch;

    ParentProcessWatchStartup(@ConfigProperty(name = "hybrid.parent-pid") Optional<Long> parentPid) {
        this.parentPid = parentPid;
    }

    void onStart(@Observes StartupEvent started) {
        parentPid.ifPresent(pid -> {
            // asyncExit runs the same shutdown as SIGTERM: consumers drain and commit before the process ends.
            watch = new ParentProcessWatch(pid, CHECK_INTERVAL, () -> Quarkus.asyncExit(0));
            watch.start();
        });
    }

    void onStop(@Observes ShutdownEvent stopping) {
        if (watch != null) {
            watch.stop();
        }
    }
}
