package io.hybridllm.router.routing;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.runtime.Startup;

/** Looks at the policy files on an interval (default every second), so that an edit takes effect without a restart. */
@Singleton
@Startup
public class PolicyWatcher {

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "policy-watcher");
        thread.setDaemon(true);
        return thread;
    });

    public PolicyWatcher(PolicyInForce policies,
            @ConfigProperty(name = "hybrid.policy.watch-interval", defaultValue = "1s") Duration interval) {
        timer.scheduleWithFixedDelay(policies::reloadIfChanged, interval.toMillis(), interval.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        timer.shutdownNow();
    }
}
