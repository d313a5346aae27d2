package io.hybridllm.launcher.faults;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import io.hybridllm.launcher.system.LocalSystem;
import io.hybridllm.launcher.system.Service;

/**
 * The faults that happen to the system while requests come in, at moments the seed draws, so that they land at
 * different times relative to each other from one seed to the next: the broker and PostgreSQL restart once each (at any
 * time between a fifth and four fifths of the run, possibly at once), ingest and cost are stopped with SIGTERM and
 * started again once each (a rolling deploy), a worker may be SIGKILLed during either restart, the simulated Ollama
 * goes down for a while, and {@link WorkerFaults} kill workers all along. Every event is logged with its time.
 */
final class Chaos implements AutoCloseable {

    private final LocalSystem system;
    private final FaultOptions options;
    private final Random random;
    private final PrintStream out;
    private final Instant start = Instant.now();
    private final List<String> events = new CopyOnWriteArrayList<>();
    private final List<String> errors = new CopyOnWriteArrayList<>();
    private final ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(4);
    private final CountDownLatch stop = new CountDownLatch(1);
    private final WorkerFaults workers;
    private Thread killer;

    Chaos(LocalSystem system, FaultOptions options, PrintStream out) {
        this.system = system;
        this.options = options;
        this.random = new Random(options.seed());
        this.out = out;
        this.workers = new WorkerFaults(system, new Random(options.seed() * 31 + 7), this::log, stop);
    }

    /** Schedules the run's faults over the time the submissions take. */
    void start() {
        long span = options.submitting().toMillis();
        if (!options.outage().isZero()) {
            at(between(span, 10, 50), "Ollama down for " + options.outage().toSeconds() + " s", () -> {
                system.ollama().setDown(true);
                timer.schedule(() -> {
                    system.ollama().setDown(false);
                    log("Ollama up again");
                }, options.outage().toMillis(), TimeUnit.MILLISECONDS);
            });
        }
        if (options.restartInfrastructure()) {
            long kafka = between(span, 20, 80);
            long postgres = between(span, 20, 80);
            at(kafka, "restarting the Kafka broker", () -> {
                system.restartKafka();
                log("Kafka broker back");
            });
            at(postgres, "restarting PostgreSQL", () -> {
                system.restartPostgres();
                log("PostgreSQL back");
            });
            // Most seeds crash a worker while the broker or the database is away: it must start, and catch up, then.
            for (long restart : new long[] { kafka, postgres }) {
                if (random.nextInt(3) > 0) {
                    Service worker = WorkerFaults.WORKERS.get(random.nextInt(WorkerFaults.WORKERS.size()));
                    long offset = random.nextInt(1_500);
                    at(restart + offset,
                            "worker kill during the " + (restart == kafka ? "broker" : "database") + " restart",
                            () -> workers.crash(worker));
                }
            }
            // A rolling deploy of the services that hold state: SIGTERM, drained, started again. What each was
            // consuming when it stopped must be read again by its next instance, never dead-lettered or skipped.
            for (Service service : List.of(Service.INGEST, Service.COST)) {
                at(between(span, 20, 80), "SIGTERM " + service.module() + " (a rolling restart)", () -> {
                    system.stopGracefully(service);
                    log(service.module() + " stopped; starting it again");
                    system.restart(service);
                    log(service.module() + " ready again");
                });
            }
        }
        // Stopping drops the events not due yet, and lets one under way (a restart) finish.
        timer.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        killer = Thread.ofPlatform().name("faults-killer").start(this::killWorkers);
    }

    /** A moment between {@code from} and {@code to} percent of the span, drawn from the seed. */
    private long between(long span, int from, int to) {
        return span * from / 100 + (long) (random.nextDouble() * span * (to - from) / 100);
    }

    private void killWorkers() {
        try {
            for (int kill = 0; kill < options.workerKills(); kill++) {
                long mean = options.killEvery().toMillis();
                if (stop.await(mean / 2 + (long) (random.nextDouble() * mean), TimeUnit.MILLISECONDS)) {
                    return;
                }
                workers.next();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            errors.add("worker kill: " + e.getMessage());
            log("worker kill failed: " + e.getMessage());
        }
    }

    private void at(long millis, String what, FaultAction action) {
        timer.schedule(() -> {
            log(what);
            try {
                action.run();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                errors.add(what + ": " + e);
                log(what + " failed: " + e);
            }
        }, millis, TimeUnit.MILLISECONDS);
    }

    private void log(String event) {
        String line = String.format("%6.1f s  %s", Duration.between(start, Instant.now()).toMillis() / 1000.0, event);
        events.add(line);
        out.println("  [faults] " + line);
    }

    List<String> events() {
        return List.copyOf(events);
    }

    /** Faults that could not be injected: a run with any of these proves less than it claims. */
    List<String> errors() {
        return List.copyOf(errors);
    }

    /** The worker faults injected, by kind. */
    WorkerFaults.Counts workerFaults() {
        return workers.counts();
    }

    /**
     * Stops injecting and waits for a kill's restart or an infrastructure restart under way; the outage ends, and every
     * worker is ready again (started by the supervisor, or by this suite for one it held down). Events not due yet are
     * dropped. A second call does nothing more.
     */
    @Override
    public void close() throws InterruptedException {
        stop.countDown();
        if (killer != null) {
            killer.join(Duration.ofMinutes(4));
        }
        timer.shutdown();
        timer.awaitTermination(4, TimeUnit.MINUTES);
        if (system.ollama() != null) {
            system.ollama().setDown(false);
        }
        try {
            workers.awaitAllReady();
        } catch (RuntimeException e) {
            errors.add("a worker did not come back: " + e.getMessage());
            log("a worker did not come back: " + e.getMessage());
        }
    }

    /** A fault that may wait for the system. */
    @FunctionalInterface
    interface FaultAction {
        void run() throws InterruptedException;
    }
}
