package io.hybridllm.runtime;

import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;

import org.jboss.logging.Logger;

/**
 * Prepares one {@link StartupDependency}: once at once, then, while that fails, again with {@link Backoff} on a daemon
 * thread, until it succeeds or the service stops. What it is waiting for, and the last error, are kept for readiness.
 */
final class RetryingStartup {

    private static final Logger LOG = Logger.getLogger(RetryingStartup.class);
    private static final int MAX_ERROR_LENGTH = 300;
    // A JDBC URL may carry a password as a parameter; drivers quote the URL in their errors.
    private static final Pattern PASSWORD = Pattern.compile("(?i)(password|pwd)=[^&;\\s]*");

    private final StartupDependency dependency;
    private final Backoff backoff;
    private final Runnable onPrepared;
    private volatile boolean prepared;
    private volatile int attempts;
    private volatile String lastError = "";
    private volatile Thread retrying;

    RetryingStartup(StartupDependency dependency, Backoff backoff, Runnable onPrepared) {
        this.dependency = Objects.requireNonNull(dependency, "dependency");
        this.backoff = Objects.requireNonNull(backoff, "backoff");
        this.onPrepared = Objects.requireNonNull(onPrepared, "onPrepared");
    }

    /** Tries once on the caller's thread (so a service with its dependencies up starts as ready as before). */
    void start() {
        if (attempt()) {
            return;
        }
        LOG.warnf("%s: not reachable at startup (%s); the service starts without it, waiting for %s, and retries",
                dependency.name(), lastError, dependency.awaiting());
        retrying = Thread.ofPlatform().daemon().name("startup-" + dependency.name().replace(' ', '-'))
                .start(this::retry);
    }

    void stop() {
        Thread thread = retrying;
        if (thread != null) {
            thread.interrupt();
        }
    }

    boolean prepared() {
        return prepared;
    }

    String name() {
        return dependency.name();
    }

    /** For readiness: what the service waits for, how often it tried, and why the last try failed. */
    String state() {
        if (prepared) {
            return "ready";
        }
        return "waiting for " + dependency.awaiting() + " (attempt " + attempts + ")"
                + (lastError.isEmpty() ? "" : ", last error: " + lastError);
    }

    private void retry() {
        Duration delay = backoff.first();
        try {
            while (true) {
                Thread.sleep(delay);
                if (attempt()) {
                    LOG.infof("%s: reachable after %d attempts; ready", dependency.name(), attempts);
                    return;
                }
                delay = backoff.after(delay);
                LOG.warnf("%s: still waiting for %s (attempt %d: %s); next try in %d ms", dependency.name(),
                        dependency.awaiting(), attempts, lastError, delay.toMillis());
            }
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            // Only onPrepared can throw here (prepare's errors are retried): a wiring mistake, to be seen.
            LOG.errorf(e, "%s: prepared, but what waited for it could not be started", dependency.name());
        }
    }

    private boolean attempt() {
        attempts++;
        try {
            dependency.prepare();
        } catch (Exception e) {
            lastError = describe(e);
            return false;
        }
        prepared = true;
        lastError = "";
        onPrepared.run();
        return true;
    }

    /** The innermost cause says what is wrong ("Connection refused"); wrappers only say who noticed. */
    static String describe(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        String firstLine = message.lines().findFirst().orElse("").strip();
        String safe = PASSWORD.matcher(firstLine).replaceAll("$1=***");
        return safe.length() <= MAX_ERROR_LENGTH ? safe : safe.substring(0, MAX_ERROR_LENGTH) + "…";
    }
}
