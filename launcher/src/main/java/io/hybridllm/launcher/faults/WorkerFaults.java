package io.hybridllm.launcher.faults;

import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import io.hybridllm.launcher.system.LocalSystem;
import io.hybridllm.launcher.system.Service;

/**
 * Worker processes SIGKILLed in the ways a host breaks them, one drawn from the seed each time: a crash that the
 * launcher's supervisor recovers from by itself; a kill that keeps the worker down for 0.5 to 3 s before this suite
 * starts it again (an operator's restart); both workers at once; and a second kill while the worker is starting again.
 * Each waits until the workers are ready again before the next.
 */
final class WorkerFaults {

    static final List<Service> WORKERS = List.of(Service.WORKER_LOCAL, Service.WORKER_CLOUD);

    /** How many faults of each kind were injected. */
    record Counts(int crashes, int heldDown, int bothAtOnce, int duringRestart) {

        int total() {
            return crashes + heldDown + bothAtOnce + duringRestart;
        }
    }

    private final LocalSystem system;
    private final Random random;
    private final Consumer<String> log;
    private final CountDownLatch stop;
    private final AtomicInteger crashes = new AtomicInteger();
    private final AtomicInteger heldDown = new AtomicInteger();
    private final AtomicInteger bothAtOnce = new AtomicInteger();
    private final AtomicInteger duringRestart = new AtomicInteger();

    WorkerFaults(LocalSystem system, Random random, Consumer<String> log, CountDownLatch stop) {
        this.system = system;
        this.random = random;
        this.log = log;
        this.stop = stop;
    }

    /** Injects the next fault, of a kind drawn from the seed, and waits until the workers are ready again. */
    void next() throws InterruptedException {
        Service worker = WORKERS.get(random.nextInt(WORKERS.size()));
        switch (random.nextInt(4)) {
            case 0 -> {
                crash(worker);
                awaitReady(worker);
            }
            case 1 -> holdDown(worker);
            case 2 -> {
                log.accept("SIGKILL worker-local and worker-cloud at once");
                bothAtOnce.incrementAndGet();
                for (Service each : WORKERS) {
                    system.crash(each);
                }
                for (Service each : WORKERS) {
                    awaitReady(each);
                }
            }
            default -> killDuringRestart(worker);
        }
    }

    /** SIGKILL, and the supervisor starts the worker again; does not wait for it. */
    void crash(Service worker) throws InterruptedException {
        if (system.crash(worker)) {
            crashes.incrementAndGet();
            log.accept("SIGKILL " + worker.module() + " (the supervisor starts it again)");
        } else {
            log.accept(worker.module() + " is down already (a restart is under way): nothing to kill");
        }
    }

    private void holdDown(Service worker) throws InterruptedException {
        log.accept("SIGKILL " + worker.module() + ", kept down");
        heldDown.incrementAndGet();
        system.kill(worker);
        if (stop.await(500 + random.nextInt(2_500), TimeUnit.MILLISECONDS)) {
            log.accept("stopping: restarting " + worker.module() + " at once");
        }
        log.accept("restarting " + worker.module());
        system.restart(worker);
        log.accept(worker.module() + " ready again");
    }

    private void killDuringRestart(Service worker) throws InterruptedException {
        log.accept("SIGKILL " + worker.module() + ", and again while it starts");
        duringRestart.incrementAndGet();
        system.kill(worker);
        system.startAgain(worker);
        // Within the JVM's start, before it is ready: a few hundred milliseconds to a few seconds in.
        Thread.sleep(300 + random.nextInt(4_000));
        log.accept("SIGKILL " + worker.module() + " while it starts (the supervisor starts it again)");
        system.crash(worker);
        awaitReady(worker);
    }

    private void awaitReady(Service worker) throws InterruptedException {
        system.awaitReady(worker);
        log.accept(worker.module() + " ready again");
    }

    /** Waits until both workers are ready (at the end of a run, after crashes not waited for). */
    void awaitAllReady() throws InterruptedException {
        for (Service worker : WORKERS) {
            system.awaitReady(worker);
        }
    }

    Counts counts() {
        return new Counts(crashes.get(), heldDown.get(), bothAtOnce.get(), duringRestart.get());
    }
}
