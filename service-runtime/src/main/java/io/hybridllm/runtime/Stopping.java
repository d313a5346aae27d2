package io.hybridllm.runtime;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;

import io.quarkus.runtime.ShutdownEvent;

/**
 * Whether this service has begun to stop (SIGTERM, a rolling deploy, a scale-down). Quarkus fires its shutdown event
 * before it closes Hibernate and the datasources, but it closes the Kafka channels after them: a record read in between
 * fails because the service is stopping, not because of anything in it. {@link WhileRunning} keeps such a record from
 * being dead-lettered or skipped.
 */
@ApplicationScoped
public class Stopping {

    private volatile boolean stopping;

    /** Before every other observer of the event: whatever they close, the flag is up first. */
    void onStop(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) ShutdownEvent event) {
        stopping = true;
    }

    public boolean now() {
        return stopping;
    }

    /** Thrown instead of retrying work that failed while the service stops: the retries could only fail again. */
    public static final class ServiceStopping extends RuntimeException {

        public ServiceStopping(Throwable cause) {
            super("the service is stopping: " + cause.getMessage(), cause);
        }
    }
}
