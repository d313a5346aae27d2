package io.hybridllm.worker.core;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.runtime.ShutdownEvent;

/**
 * A graceful stop: take no more work, let the requests in flight finish within {@code hybrid.worker.drain-timeout}, and
 * only then let the Kafka consumer commit and leave its group (Quarkus closes it after this observer returns). Whatever
 * did not finish is left uncommitted and goes to another worker; a worker killed outright loses nothing either.
 */
@ApplicationScoped
public class Drain {

    private static final Logger LOG = Logger.getLogger(Drain.class);

    private final RequestHandler handler;
    private final Duration timeout;

    public Drain(RequestHandler handler,
            @ConfigProperty(name = "hybrid.worker.drain-timeout", defaultValue = "150s") Duration timeout) {
        this.handler = handler;
        this.timeout = timeout;
    }

    void onStop(@Observes ShutdownEvent event) {
        int running = handler.inFlight();
        LOG.infof("draining: %d requests in flight, waiting up to %s", running, timeout);
        int left = handler.drain(timeout);
        LOG.infof("drained: %d finished, %d left for redelivery", Math.max(0, running - left), left);
    }
}
