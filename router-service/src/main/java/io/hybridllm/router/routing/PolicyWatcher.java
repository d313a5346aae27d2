package io.hybridllm.router.routing;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.hybridllm.router.control.PolicyAudit;
import io.quarkus.runtime.Startup;

/**
 * Looks at the policy files on an interval (default every second), so that an edit takes effect without a restart, and
 * audits what each edit did.
 */
@Singleton
@Startup
public class PolicyWatcher {

    private static final Logger LOG = Logger.getLogger(PolicyWatcher.class);

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "policy-watcher");
        thread.setDaemon(true);
        return thread;
    });

    public PolicyWatcher(PolicyInForce policies, PolicyAudit audit,
            @ConfigProperty(name = "hybrid.policy.watch-interval", defaultValue = "1s") Duration interval) {
        timer.scheduleWithFixedDelay(() -> {
            try {
                policies.reloadIfChanged().ifPresent(audit::fileEdit);
            } catch (RuntimeException e) {
                // A periodic task that throws is never run again: log, and look again next time.
                LOG.errorf(e, "could not look at the policy files");
            }
        }, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        timer.shutdownNow();
    }
}
