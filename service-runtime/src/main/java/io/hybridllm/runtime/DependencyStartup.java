package io.hybridllm.runtime;

import java.util.List;
import java.util.stream.Collectors;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.interceptor.Interceptor;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.reactive.messaging.ChannelRegistry;
import io.smallrye.reactive.messaging.PausableChannel;

/**
 * Starts the service whether or not its {@link StartupDependency dependencies} answer: it is live at once, and ready
 * once each one is prepared. Until then readiness names what it waits for and why the last try failed, each dependency
 * is retried with {@link Backoff#STARTUP}, and the channels that need it stay paused. A dependency that is briefly away
 * never makes the service exit.
 */
@Readiness
@ApplicationScoped
public class DependencyStartup implements HealthCheck {

    static final String CHECK_NAME = "startup dependencies";

    private final List<StartupDependency> dependencies;
    private final Instance<ChannelRegistry> channels;
    private final List<RetryingStartup> startups;

    DependencyStartup(Instance<StartupDependency> dependencies, Instance<ChannelRegistry> channels) {
        this.dependencies = dependencies.stream().filter(StartupDependency::active).toList();
        this.channels = channels;
        this.startups = this.dependencies.stream()
                .map(dependency -> new RetryingStartup(dependency, Backoff.STARTUP, () -> resume(dependency))).toList();
    }

    // After the default priority: the messaging extension has registered the pausable channels by then.
    void onStart(@Observes @Priority(Interceptor.Priority.APPLICATION + 1000) StartupEvent started) {
        dependencies.forEach(this::checkHeld);
        startups.forEach(RetryingStartup::start);
    }

    void onStop(@Observes ShutdownEvent stopping) {
        startups.forEach(RetryingStartup::stop);
    }

    /** Whether every active dependency is prepared. */
    public boolean prepared() {
        return startups.stream().allMatch(RetryingStartup::prepared);
    }

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named(CHECK_NAME).status(prepared());
        startups.forEach(startup -> response.withData(startup.name(), startup.state()));
        return response.build();
    }

    /** A held channel that is not paused at startup would read before its dependency is prepared: refused. */
    private void checkHeld(StartupDependency dependency) {
        List<String> notHeld = dependency.channelsHeldUntilPrepared().stream().filter(name -> {
            PausableChannel channel = channels.get().getPausable(name);
            return channel == null || !channel.isPaused();
        }).toList();
        if (!notHeld.isEmpty()) {
            throw new IllegalStateException(
                    notHeld.stream().map(name -> "mp.messaging.incoming." + name).collect(Collectors.joining(", "))
                            + ": must be pausable=true and pausable.initially-paused=true "
                            + "(application.properties), so that it reads nothing before " + dependency.name()
                            + " is ready");
        }
    }

    private void resume(StartupDependency dependency) {
        dependency.channelsHeldUntilPrepared().forEach(name -> channels.get().getPausable(name).resume());
    }
}
