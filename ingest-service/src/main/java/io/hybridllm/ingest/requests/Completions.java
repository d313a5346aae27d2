package io.hybridllm.ingest.requests;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.hybridllm.contracts.LlmReply;
import io.quarkus.scheduler.Scheduled;

/**
 * Long-poll waiters: one future per waiting client, completed when its request reaches a final state, or at its
 * timeout. No thread waits. Final states recorded by this replica complete their waiters at once, a reply with the
 * reply itself, so that the client is answered without reading the row back; a state recorded elsewhere (another ingest
 * replica consumed the reply, or a client cancelled there) is found by one query a second over every id still waited
 * for.
 */
@ApplicationScoped
public class Completions {

    private final Map<String, Set<CompletableFuture<LlmReply>>> waiters = new ConcurrentHashMap<>();
    private final EntityManager entityManager;

    public Completions(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /**
     * A future completed when {@code id} may have reached a final state, or after {@code timeout}: with the reply this
     * replica recorded as the request's result, or with null when the row is to be read (the state came from elsewhere,
     * or none came in time).
     */
    public CompletableFuture<LlmReply> await(String id, Duration timeout) {
        CompletableFuture<LlmReply> waiter = new CompletableFuture<>();
        waiters.computeIfAbsent(id, key -> ConcurrentHashMap.newKeySet()).add(waiter);
        waiter.whenComplete((done, failure) -> waiters.computeIfPresent(id, (key, set) -> {
            set.remove(waiter);
            return set.isEmpty() ? null : set;
        }));
        return waiter.completeOnTimeout(null, timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Called once a final state of {@code id} is committed. */
    public void reached(String id) {
        complete(id, null);
    }

    /** Called once {@code reply} is committed as its request's result. */
    public void answered(LlmReply reply) {
        complete(reply.requestId(), reply);
    }

    private void complete(String id, LlmReply reply) {
        Set<CompletableFuture<LlmReply>> waiting = waiters.get(id);
        if (waiting != null) {
            List.copyOf(waiting).forEach(waiter -> waiter.complete(reply));
        }
    }

    /** Whether some client is waiting for {@code id}; for tests and metrics. */
    public boolean isAwaited(String id) {
        return waiters.containsKey(id);
    }

    @Scheduled(every = "${hybrid.ingest.long-poll.recheck:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    @Transactional
    void recheck() {
        if (waiters.isEmpty()) {
            return;
        }
        @SuppressWarnings("unchecked")
        List<String> done = entityManager
                .createNativeQuery(
                        RequestStatus.inSql("select id from llm_request where id in (?1) and status in {FINAL}"))
                .setParameter(1, List.copyOf(waiters.keySet())).getResultList();
        done.forEach(this::reached);
    }
}
