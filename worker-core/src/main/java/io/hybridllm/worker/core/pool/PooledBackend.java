package io.hybridllm.worker.core.pool;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import io.hybridllm.contracts.ControlEvent;
import io.hybridllm.worker.core.ModelBackend;
import io.hybridllm.worker.core.resilience.Safeguards;

/**
 * One backend in a {@link BackendPool}: its slots (the calls it may have in flight, e.g. its GPU's
 * {@code OLLAMA_NUM_PARALLEL}), how many are busy, and what the health checks found. Guarded by the pool's lock.
 */
public final class PooledBackend {

    private final ModelBackend backend;
    private final Safeguards safeguards;
    private final int slots;
    private int busy;
    private boolean healthy = true;
    private int failures;
    private Set<String> models;
    private String lastError = "";
    private Instant checkedAt;

    PooledBackend(ModelBackend backend, int slots, Safeguards safeguards) {
        if (slots < 1) {
            throw new IllegalArgumentException(backend.name() + ": slots must be at least 1, not " + slots);
        }
        this.backend = backend;
        this.slots = slots;
        this.safeguards = safeguards;
    }

    Safeguards safeguards() {
        return safeguards;
    }

    int slots() {
        return slots;
    }

    public ModelBackend backend() {
        return backend;
    }

    public String name() {
        return backend.name();
    }

    /**
     * Whether this backend may be given {@code model} on {@code provider}: healthy, its circuit not open, and the model
     * is present.
     */
    boolean serves(String provider, String model) {
        return healthy && safeguards.breaker().admits() && backend.provider().equals(provider) && offers(model);
    }

    /** Before the first health check, every model counts as present: the call itself will say if it is not. */
    boolean offers(String model) {
        return models == null || models.contains(model) || (!model.contains(":") && models.contains(model + ":latest"));
    }

    boolean healthy() {
        return healthy;
    }

    boolean free() {
        return busy < slots;
    }

    /** Busy share of the slots: the least busy backend is the one with the lowest. */
    double load() {
        return (double) busy / slots;
    }

    void take() {
        busy++;
    }

    void give() {
        busy--;
    }

    /** A health check answered; returns whether the backend came back. */
    boolean checked(List<String> present, Instant at) {
        boolean recovered = !healthy;
        models = backend.listsEveryModel() ? Set.copyOf(present) : null;
        failures = 0;
        healthy = true;
        lastError = "";
        checkedAt = at;
        return recovered;
    }

    /** A health check failed; returns whether this failure disabled the backend. */
    boolean failed(String error, int threshold, Instant at) {
        failures++;
        lastError = error;
        checkedAt = at;
        if (healthy && failures >= threshold) {
            healthy = false;
            return true;
        }
        return false;
    }

    /**
     * A call found the model missing (e.g. Ollama's 404): stop sending it there until the next check says otherwise.
     */
    void lacks(String model) {
        if (models == null) {
            return;
        }
        models = models.stream().filter(present -> !present.equals(model) && !present.equals(model + ":latest"))
                .collect(Collectors.toUnmodifiableSet());
    }

    BackendStatus status() {
        return new BackendStatus(name(), backend.provider(), backend.baseUrl(), slots, busy, healthy, failures,
                models == null ? null : models.stream().sorted().toList(), lastError, checkedAt,
                safeguards.breaker().state());
    }

    /** What ops see: in {@code /q/health}, and in metrics. */
    public record BackendStatus(String name, String provider, String baseUrl, int slots, int busy, boolean healthy,
            int consecutiveFailures, List<String> models, String lastError, Instant checkedAt,
            ControlEvent.CircuitState circuit) {
    }
}
