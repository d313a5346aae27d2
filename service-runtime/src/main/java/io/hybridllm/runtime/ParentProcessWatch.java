package io.hybridllm.runtime;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

import org.jboss.logging.Logger;

/**
 * Watches the process that started this one and runs an exit action, once, as soon as that process is gone. A
 * supervisor killed with SIGKILL cannot stop its children; each child notices instead, so nothing it started outlives
 * it.
 */
public final class ParentProcessWatch {

    private static final Logger LOG = Logger.getLogger(ParentProcessWatch.class);

    private final long parentPid;
    private final Duration interval;
    private final Runnable exitAction;
    private final AtomicBoolean fired = new AtomicBoolean();
    private volatile Thread thread;
    private volatile boolean stopped;

    public ParentProcessWatch(long parentPid, Duration interval, Runnable exitAction) {
        if (parentPid <= 0) {
            throw new IllegalArgumentException("a parent pid is positive, got " + parentPid);
        }
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("the check interval must be positive, got " + interval);
        }
        this.parentPid = parentPid;
        this.interval = interval;
        this.exitAction = Objects.requireNonNull(exitAction, "exitAction");
    }

    /** Starts checking on a daemon thread, so the watch never keeps the JVM alive by itself. */
    public synchronized void start() {
        if (thread != null) {
            return;
        }
        // The handle is taken once: its isAlive() compares start times, so a reused pid does not pass for the parent.
        Optional<ProcessHandle> parent = ProcessHandle.of(parentPid);
        thread = Thread.ofPlatform().daemon().name("parent-process-watch").start(() -> watch(parent));
    }

    public synchronized void stop() {
        stopped = true;
        if (thread != null) {
            thread.interrupt();
        }
    }

    /** Whether the exit action has run. */
    public boolean fired() {
        return fired.get();
    }

    private void watch(Optional<ProcessHandle> parent) {
        try {
            while (parent.isPresent() && parent.get().isAlive()) {
                Thread.sleep(interval);
            }
        } catch (InterruptedException stopped) {
            return;
        }
        // A stop that raced the last look (the parent gone while it was being looked at) still wins.
        if (!stopped && fired.compareAndSet(false, true)) {
            LOG.infof("Parent process %d (HYBRID_PARENT_PID) is gone: shutting down, draining as on SIGTERM",
                    parentPid);
            exitAction.run();
        }
    }
}
