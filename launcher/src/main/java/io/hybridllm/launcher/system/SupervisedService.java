package io.hybridllm.launcher.system;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One service instance the launcher keeps running, as a process supervisor would: when its process exits and nobody
 * asked it to, it is started again after the {@link RestartPolicy}'s delay, with a line saying which service, its exit
 * code and the end of its log. Each process writes {@code <name>.log}; a finished one's log is kept as
 * {@code <name>.<n>.log}.
 */
final class SupervisedService {

    private enum State {
        RUNNING, RESTART_DUE, HELD_DOWN, STOPPED, GAVE_UP
    }

    private final Service service;
    private final int port;
    private final String name;
    private final LaunchOptions options;
    private final Map<String, String> environment;
    private final ScheduledExecutorService timer;
    private final PrintStream out;
    private final Consumer<String> onGiveUp;
    private final RestartPolicy policy = new RestartPolicy();
    private ServiceProcess current;
    private State state = State.RUNNING;
    private boolean crashInjected;
    private int keptLogs;
    private int restarts;
    private int unexpectedRestarts;
    private String gaveUp;

    SupervisedService(Service service, int port, String name, LaunchOptions options, Map<String, String> environment,
            ScheduledExecutorService timer, PrintStream out, Consumer<String> onGiveUp) {
        this.service = service;
        this.port = port;
        this.name = name;
        this.options = options;
        this.environment = Map.copyOf(environment);
        this.timer = timer;
        this.out = out;
        this.onGiveUp = onGiveUp;
    }

    String name() {
        return name;
    }

    Service service() {
        return service;
    }

    /** Starts the first process. */
    synchronized void start() {
        launch();
    }

    private void launch() {
        keepLog();
        ServiceProcess started = ServiceProcess.start(service, port, name, options, environment);
        current = started;
        started.onExit().thenRunAsync(() -> exited(started), timer);
    }

    private synchronized void exited(ServiceProcess process) {
        if (process != current || state != State.RUNNING) {
            return; // Stopped or killed on purpose, or an earlier process.
        }
        boolean injected = crashInjected;
        crashInjected = false;
        Instant now = Instant.now();
        Duration delay = policy.exited(process.started(), now, !injected);
        Path log = keepLog();
        String why = name + (injected ? " was SIGKILLed by the fault suite"
                : " exited unexpectedly with code " + process.exitCode() + " after "
                        + Duration.between(process.started(), now).toSeconds() + " s");
        if (delay == null) {
            state = State.GAVE_UP;
            gaveUp = why + "; " + RestartPolicy.GIVE_UP_AFTER + " such exits within "
                    + RestartPolicy.GIVE_UP_WINDOW.toMinutes() + " minutes, so it is not started again. Its log " + log
                    + " ends with:\n" + indent(ServiceProcess.tail(log, 30));
            System.err.println("hybrid: GIVING UP on " + gaveUp);
            onGiveUp.accept(gaveUp);
            return;
        }
        restarts++;
        unexpectedRestarts += injected ? 0 : 1;
        state = State.RESTART_DUE;
        if (!injected) {
            // The fault suite logs its own crashes; any other exit is news.
            out.println("hybrid: " + why + "; starting it again in " + delay.toMillis() + " ms (restart " + restarts
                    + "). Its log " + log + " ends with:\n" + indent(ServiceProcess.tail(log, 8)));
        }
        timer.schedule(this::restartDue, delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    private synchronized void restartDue() {
        if (state == State.RESTART_DUE) {
            state = State.RUNNING;
            try {
                launch();
            } catch (RuntimeException e) {
                state = State.GAVE_UP;
                gaveUp = name + " could not be started again: " + e.getMessage();
                System.err.println("hybrid: GIVING UP: " + gaveUp);
                onGiveUp.accept(gaveUp);
            }
        }
    }

    /**
     * SIGKILLs the process as a crash would, and the supervisor starts it again (the fault suite's crash); returns
     * false when no process was running (one is about to be started).
     */
    boolean crash() throws InterruptedException {
        ServiceProcess victim;
        synchronized (this) {
            requireRunning();
            if (state != State.RUNNING || !current.alive()) {
                return false;
            }
            crashInjected = true;
            victim = current;
        }
        victim.kill();
        return true;
    }

    /** SIGKILLs the process and keeps the service down until {@link #restart()} (the fault suite's longer outage). */
    void kill() throws InterruptedException {
        holdDown().kill();
    }

    /**
     * SIGTERM, as a rolling deploy or a scale-down stops an instance: the service drains and exits by itself (SIGKILL
     * only after the grace period), and is held down until {@link #restart()}.
     */
    void stopGracefully() throws InterruptedException {
        ServiceProcess stopping = holdDown();
        stopping.requestStop();
        stopping.awaitStopped();
    }

    /** Marks the service held down, so that its process's exit is not a crash to recover from; returns the process. */
    private synchronized ServiceProcess holdDown() {
        requireRunning();
        state = State.HELD_DOWN;
        crashInjected = false;
        return current;
    }

    /** Starts a service held down (or waiting for its delayed restart) now. */
    synchronized void restart() {
        if (state == State.HELD_DOWN || state == State.RESTART_DUE) {
            state = State.RUNNING;
            launch();
        } else if (state != State.RUNNING) {
            throw new IllegalStateException(name + " is " + state.name().toLowerCase().replace('_', ' '));
        }
    }

    private void requireRunning() {
        if (state == State.STOPPED || state == State.GAVE_UP) {
            throw new IllegalStateException(name + " is " + state.name().toLowerCase().replace('_', ' '));
        }
    }

    /** Waits until the service is ready, through any restarts; fails if it is given up on or the deadline passes. */
    void awaitReady(Instant deadline) throws InterruptedException {
        while (Instant.now().isBefore(deadline)) {
            ServiceProcess process;
            synchronized (this) {
                if (state == State.GAVE_UP) {
                    throw new IllegalStateException("gave up on " + gaveUp);
                }
                if (state == State.STOPPED) {
                    throw new IllegalStateException(name + " was stopped while starting");
                }
                process = state == State.RUNNING ? current : null;
            }
            if (process != null && process.alive() && process.ready()) {
                return;
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException(
                name + " was not ready in time; its log " + options.logDir().resolve(name + ".log") + " ends with:\n"
                        + ServiceProcess.tail(options.logDir().resolve(name + ".log"), 30));
    }

    /** Asks the process to stop (it drains on SIGTERM); it is not started again. */
    void requestStop() {
        ServiceProcess process;
        synchronized (this) {
            state = State.STOPPED;
            process = current;
        }
        process.requestStop();
    }

    void awaitStopped() throws InterruptedException {
        current().awaitStopped();
    }

    /** Whether the service's process runs now (not held down, waiting for a restart or given up on). */
    synchronized boolean alive() {
        return state == State.RUNNING && current.alive();
    }

    synchronized long pid() {
        return current.pid();
    }

    /**
     * How many times the supervisor started the service again after its process exited by itself or was killed from
     * outside; the fault suite's own crashes ({@link #crash()}) are not counted.
     */
    synchronized int restarts() {
        return unexpectedRestarts;
    }

    private synchronized ServiceProcess current() {
        return current;
    }

    /** Moves a finished process's log aside, so the next process starts a fresh one; returns where it is now. */
    private Path keepLog() {
        Path log = options.logDir().resolve(name + ".log");
        if (current == null || !Files.exists(log)) {
            return log;
        }
        Path kept = log.resolveSibling(name + "." + (++keptLogs) + ".log");
        try {
            Files.move(log, kept, StandardCopyOption.REPLACE_EXISTING);
            return kept;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep " + log, e);
        }
    }

    private static String indent(String lines) {
        return "    " + lines.replace("\n", "\n    ");
    }
}
