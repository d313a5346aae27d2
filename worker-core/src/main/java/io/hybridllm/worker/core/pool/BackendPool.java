package io.hybridllm.worker.core.pool;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import io.hybridllm.contracts.ControlEvent;
import io.hybridllm.contracts.Tier;
import io.hybridllm.worker.core.ModelBackend;
import io.hybridllm.worker.core.resilience.Safeguards;

/**
 * The backends a worker calls and their slots. A call first takes a slot on the least busy healthy backend that has its
 * model and whose circuit is not open, waiting in arrival order while all of them are full; a request no such backend
 * can serve is told so at once, so that it moves on instead of waiting. Since the consumer asks for the next record
 * only once the current one has a slot, a full pool stops the worker taking records from Kafka: that is the
 * backpressure.
 */
public final class BackendPool {

    private record Waiter(String provider, String model, Set<String> excluded,
            CompletableFuture<Optional<Lease>> lease) {
    }

    /** Replaced as a whole when the policy changes (see {@link #replace}); readers take a consistent snapshot. */
    private volatile List<PooledBackend> backends;
    /** Backends a policy change took out while calls on them were under way, until those calls end. */
    private final List<PooledBackend> retiring = new ArrayList<>();
    /** Failed checks in a row that disable a backend: the policy's [health] failure_threshold, else the worker's. */
    private volatile int failureThreshold;
    private final Deque<Waiter> waiters = new ArrayDeque<>();
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private volatile String whyEmpty = "no backend configured";
    private boolean closed;

    /** An empty pool is allowed: the worker stays up, serves no tier, and says why ({@link #whyEmpty()}). */
    public BackendPool(List<Slotted> backends, int failureThreshold) {
        this.backends = backends.stream().map(b -> new PooledBackend(b.backend(), b.slots(), b.safeguards())).toList();
        this.failureThreshold = failureThreshold;
    }

    /**
     * Puts {@code next} in force, e.g. after a policy change. A backend given again as the same instance, with the same
     * slots and safeguards, keeps its state (health, busy slots); one no longer given takes no new calls, while the
     * calls it has in flight finish. Waiting requests are served again: a wait for a backend now gone ends at once.
     * {@code whyEmpty} says why there is none, when {@code next} is empty.
     */
    public void replace(List<Slotted> next, String whyEmpty) {
        synchronized (this) {
            Map<ModelBackend, PooledBackend> current = new IdentityHashMap<>();
            backends.forEach(b -> current.put(b.backend(), b));
            List<PooledBackend> previous = backends;
            backends = next.stream().map(slotted -> {
                PooledBackend kept = current.get(slotted.backend());
                return kept != null && kept.slots() == slotted.slots() && kept.safeguards() == slotted.safeguards()
                        ? kept
                        : new PooledBackend(slotted.backend(), slotted.slots(), slotted.safeguards());
            }).toList();
            // What the old policy's backends still hold (a call, or a wait for their rate limit) ends at shutdown too.
            previous.stream().filter(b -> !backends.contains(b)).forEach(retiring::add);
            retiring.removeIf(b -> b.status().busy() == 0);
            this.whyEmpty = whyEmpty;
            serveWaiters();
        }
        listeners.forEach(Runnable::run);
    }

    /** From the next health check on, this many failures in a row disable a backend. */
    public void failureThreshold(int threshold) {
        this.failureThreshold = Math.max(1, threshold);
    }

    /** Hears of every {@link #replace}, after it. */
    public void onChange(Runnable listener) {
        listeners.add(listener);
    }

    /** Why this pool has no backend, for health reports; meaningful only when it has none. */
    public String whyEmpty() {
        return whyEmpty;
    }

    /** A backend, its slots and its safeguards (circuit breaker, rate limits), as configuration gives them. */
    public record Slotted(ModelBackend backend, int slots, Safeguards safeguards) {

        public Slotted(ModelBackend backend, int slots) {
            this(backend, slots, Safeguards.NONE);
        }
    }

    /** A slot held on one backend; closing it frees the slot (once). */
    public final class Lease implements AutoCloseable {

        private final PooledBackend backend;
        private final AtomicBoolean open = new AtomicBoolean(true);

        private Lease(PooledBackend backend) {
            this.backend = backend;
        }

        public ModelBackend backend() {
            return backend.backend();
        }

        public Safeguards safeguards() {
            return backend.safeguards();
        }

        /** The call found the model missing on this backend. */
        public void modelMissing(String model) {
            synchronized (BackendPool.this) {
                backend.lacks(model);
            }
        }

        @Override
        public void close() {
            if (open.compareAndSet(true, false)) {
                release(backend);
            }
        }
    }

    /**
     * A slot for {@code model} on a backend of {@code provider} whose name is not in {@code excluded}: at once when one
     * is free, later when one frees, empty when no healthy backend has the model. Fails with a
     * {@link CancellationException} once the pool is closed (shutting down): the request is left for redelivery.
     */
    public synchronized CompletableFuture<Optional<Lease>> acquire(String provider, String model,
            Set<String> excluded) {
        if (closed) {
            return CompletableFuture.failedFuture(new CancellationException("the worker is shutting down"));
        }
        Waiter waiter = new Waiter(provider, model, excluded, new CompletableFuture<>());
        if (!serve(waiter)) {
            waiters.addLast(waiter);
        }
        return waiter.lease();
    }

    /** The model a tier uses on {@code provider} when a target names none, as the provider's first backend says. */
    public String defaultModel(String provider, Tier tier) {
        return backends.stream().filter(b -> b.backend().provider().equals(provider)).findFirst()
                .map(b -> b.backend().defaultModel(tier)).orElse(null);
    }

    /** Whether any healthy backend has the model, busy or not. */
    public synchronized boolean canServe(String provider, String model) {
        return backends.stream().anyMatch(b -> b.serves(provider, model));
    }

    /** Why no backend takes {@code model} on {@code provider} now, for failure messages people read. */
    public synchronized String explain(String provider, String model) {
        List<String> reasons = backends.stream().filter(b -> b.backend().provider().equals(provider)).map(b -> {
            PooledBackend.BackendStatus status = b.status();
            if (!status.healthy()) {
                return b.name() + " down: " + status.lastError();
            }
            if (status.circuit() == ControlEvent.CircuitState.OPEN) {
                return b.name() + " circuit open after failed calls";
            }
            return b.offers(model) ? b.name() + " failed this request" : b.name() + " lacks the model";
        }).toList();
        return reasons.isEmpty() ? backends.isEmpty() ? whyEmpty : "no backend of this provider here"
                : String.join("; ", reasons);
    }

    /** Whether some healthy backend has the tier's model (any model, where the tier names none). */
    public synchronized boolean servesTier(Tier tier) {
        return backends.stream().filter(b -> b.backend().chats()).anyMatch(b -> {
            String model = b.backend().defaultModel(tier);
            return model == null ? b.healthy() && b.safeguards().breaker().admits()
                    : b.serves(b.backend().provider(), model);
        });
    }

    synchronized boolean neverChecked(PooledBackend backend) {
        return backend.status().checkedAt() == null;
    }

    synchronized boolean has(PooledBackend backend, String model) {
        return backend.offers(model);
    }

    public List<PooledBackend> backends() {
        return backends;
    }

    /** Records a health check; waiting requests are served again, since what is usable may have changed. */
    public synchronized HealthChange checked(PooledBackend backend, List<String> models, Instant at) {
        HealthChange change = backend.checked(models, at) ? HealthChange.RECOVERED : HealthChange.NONE;
        serveWaiters();
        return change;
    }

    public synchronized HealthChange checkFailed(PooledBackend backend, String error, Instant at) {
        HealthChange change = backend.failed(error, failureThreshold, at) ? HealthChange.DISABLED : HealthChange.NONE;
        serveWaiters();
        return change;
    }

    public enum HealthChange {
        NONE, DISABLED, RECOVERED
    }

    public synchronized List<PooledBackend.BackendStatus> status() {
        return backends.stream().map(PooledBackend::status).toList();
    }

    /** Slots in use across all backends. */
    public synchronized int busy() {
        return backends.stream().mapToInt(b -> b.status().busy()).sum();
    }

    /**
     * Stops handing out slots; requests still waiting, for a slot or for a rate limit's permit, are cancelled, so that
     * they stay uncommitted.
     */
    public synchronized void close() {
        closed = true;
        waiters.forEach(w -> w.lease().completeExceptionally(new CancellationException("the worker is shutting down")));
        waiters.clear();
        backends.forEach(backend -> backend.safeguards().limiter().close());
        retiring.forEach(backend -> backend.safeguards().limiter().close());
    }

    private synchronized void release(PooledBackend backend) {
        backend.give();
        serveWaiters();
    }

    private void serveWaiters() {
        for (Iterator<Waiter> it = waiters.iterator(); it.hasNext();) {
            if (serve(it.next())) {
                it.remove();
            }
        }
    }

    /** Completes the waiter if a slot is free or nothing can serve it; false means it must wait. */
    private boolean serve(Waiter waiter) {
        if (waiter.lease().isDone()) {
            // Given up by its caller: nothing to hand out.
            return true;
        }
        List<PooledBackend> able = backends.stream()
                .filter(b -> b.serves(waiter.provider(), waiter.model()) && !waiter.excluded().contains(b.name()))
                .toList();
        if (able.isEmpty()) {
            waiter.lease().complete(Optional.empty());
            return true;
        }
        Optional<PooledBackend> least = able.stream().filter(PooledBackend::free)
                .min(Comparator.comparingDouble(PooledBackend::load));
        if (least.isEmpty()) {
            return false;
        }
        least.get().take();
        waiter.lease().complete(Optional.of(new Lease(least.get())));
        return true;
    }
}
