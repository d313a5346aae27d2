package io.hybridllm.launcher.system;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * When to start a service again after it exited unexpectedly, like a process supervisor's restart policy: after a delay
 * that doubles from one second up to 30 s with each exit, back to one second once the service has run for a while, and
 * never again after {@link #GIVE_UP_AFTER} exits within {@link #GIVE_UP_WINDOW} (a service that cannot start would
 * otherwise be started for ever).
 */
final class RestartPolicy {

    static final Duration FIRST_DELAY = Duration.ofSeconds(1);
    static final Duration MAX_DELAY = Duration.ofSeconds(30);
    /** A service that ran this long before exiting is restarted after the first delay again. */
    static final Duration STABLE = Duration.ofMinutes(2);
    static final int GIVE_UP_AFTER = 5;
    static final Duration GIVE_UP_WINDOW = Duration.ofMinutes(2);

    private final Deque<Instant> recentFailures = new ArrayDeque<>();
    private Duration nextDelay = FIRST_DELAY;

    /**
     * Records an exit of a process started at {@code started}; returns the delay before the next start, or null to give
     * up. {@code counts} is false for an exit that was caused on purpose (a fault injected by the fault suite): it is
     * restarted the same way, but does not bring the service nearer to being given up.
     */
    synchronized Duration exited(Instant started, Instant now, boolean counts) {
        if (Duration.between(started, now).compareTo(STABLE) >= 0) {
            nextDelay = FIRST_DELAY;
        }
        if (counts) {
            recentFailures.addLast(now);
            while (Duration.between(recentFailures.getFirst(), now).compareTo(GIVE_UP_WINDOW) > 0) {
                recentFailures.removeFirst();
            }
            if (recentFailures.size() >= GIVE_UP_AFTER) {
                return null;
            }
        }
        Duration delay = nextDelay;
        nextDelay = nextDelay.multipliedBy(2).compareTo(MAX_DELAY) > 0 ? MAX_DELAY : nextDelay.multipliedBy(2);
        return delay;
    }

    /** How many counted exits fell within the window, for the give-up message. */
    synchronized int recentFailures() {
        return recentFailures.size();
    }
}
