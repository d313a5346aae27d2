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

import io.hybridllm.launcher.LocalSystem;
import io.hybridllm.launcher.Service;

/**
 * The faults that happen to the system while requests come in: worker processes SIGKILLed at random intervals and
 * restarted, one broker restart and one PostgreSQL restart, and a provider outage. Every event is logged with its time.
 */
final class Chaos implements AutoCloseable {

    private static final List<Service> WORKERS = List.of(Service.WORKER_LOCAL, Service.WORKER_CLOUD);

    private final LocalSystem system;
    private final FaultOptions options;
    private final Random random;
    private final PrintStream out;
    private final Instant start = Instant.now();
    private final List<String> events = new CopyOnWriteArrayList<>();
    private final List<String> errors = new CopyOnWriteArrayList<>();
    private final ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(2);
    private final CountDownLatch stop = new CountDownLatch(1);
    private Thread killer;

    Chaos(LocalSystem system, FaultOptions options, PrintStream out) {
        this.system = system;
        this.options = options;
        this.random = new Random(options.seed());
        this.out = out;
    }

    /** Schedules the run's faults over the time the submissions take. */
    void start() {
        long span = options.submitting().toMillis();
        if (!options.outage().isZero()) {
            at(span / 5, "Ollama down for " + options.outage().toSeconds() + " s", () -> {
                system.ollama().setDown(true);
                timer.schedule(() -> {
                    system.ollama().setDown(false);
                    log("Ollama up again");
                }, options.outage().toMillis(), TimeUnit.MILLISECONDS);
            });
        }
        if (options.restartInfrastructure()) {
            at(span * 45 / 100, "restarting the Kafka broker", () -> {
                system.restartKafka();
                log("Kafka broker back");
            });
            at(span * 65 / 100, "restarting PostgreSQL", () -> {
                system.restartPostgres();
                log("PostgreSQL back");
            });
        }
        // Stopping drops the events not due yet, and lets one under way (a restart) finish.
        timer.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        killer = Thread.ofPlatform().name("faults-killer").start(this::killWorkers);
    }

    private void killWorkers() {
        try {
            for (int kill = 0; kill < options.workerKills(); kill++) {
                long mean = options.killEvery().toMillis();
                if (stop.await(mean / 2 + (long) (random.nextDouble() * mean), TimeUnit.MILLISECONDS)) {
                    return;
                }
                Service worker = WORKERS.get(random.nextInt(WORKERS.size()));
                log("SIGKILL " + worker.module());
                system.kill(worker);
                // Down for a moment, then back: the restart is never skipped, so the system ends complete.
                Thread.sleep(500 + random.nextInt(2_500));
                log("restarting " + worker.module());
                system.restart(worker);
                log(worker.module() + " ready again");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            errors.add("worker kill/restart: " + e.getMessage());
            log("worker kill/restart failed: " + e.getMessage());
        }
    }

    private void at(long millis, String what, Runnable action) {
        timer.schedule(() -> {
            log(what);
            try {
                action.run();
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

    /**
     * Stops injecting and waits for a kill's restart or an infrastructure restart under way; the outage ends. Events
     * not due yet are dropped. A second call does nothing more.
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
    }
}
