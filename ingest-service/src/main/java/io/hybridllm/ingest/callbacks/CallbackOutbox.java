package io.hybridllm.ingest.callbacks;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import io.hybridllm.contracts.ErrorInfo;
import io.hybridllm.contracts.json.Json;

/**
 * The callbacks to deliver, in the database beside the requests: a callback is queued in the same transaction that
 * records the request's end, so an ended request's callback is never lost to a crash, and queued once per request.
 */
@ApplicationScoped
public class CallbackOutbox {

    /** A delivery claimed for one try. */
    public record Due(String requestId, String tenant, String url, String body, int attempt) {
    }

    private final EntityManager entityManager;

    public CallbackOutbox(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** Queues the callback of each request that asked for one and has a reply; the body is the reply as recorded. */
    public void enqueueReply(List<String> requestIds) {
        if (requestIds.isEmpty()) {
            return;
        }
        entityManager.createNativeQuery("""
                insert into callback_delivery (request_id, tenant, url, body, state, next_attempt_at)
                select id, tenant, request ->> 'callback_url', reply, 'PENDING', now() from llm_request
                where id in (?1) and reply is not null and request ->> 'callback_url' is not null
                on conflict (request_id) do nothing
                """).setParameter(1, requestIds).executeUpdate();
    }

    /**
     * Queues the callback of a request that ingest ended itself (cancelled, expired) without a reply: the body is a
     * failed reply with that error, in the shape of every other callback.
     */
    public void enqueueEnded(String requestId, ErrorInfo error) {
        entityManager.createNativeQuery("""
                insert into callback_delivery (request_id, tenant, url, body, state, next_attempt_at)
                select id, tenant, request ->> 'callback_url', jsonb_strip_nulls(jsonb_build_object('schema_version', 1,
                    'request_id', id, 'tenant', tenant, 'job_id', job_id, 'status', 'failed',
                    'error', cast(?2 as jsonb), 'completed_at', ?3)), 'PENDING', now() from llm_request
                where id = ?1 and request ->> 'callback_url' is not null
                on conflict (request_id) do nothing
                """).setParameter(1, requestId).setParameter(2, Json.write(error))
                .setParameter(3, Instant.now().toString()).executeUpdate();
    }

    /**
     * Claims up to {@code limit} due deliveries for one try each: their next try moves {@code lease} ahead, so another
     * replica (or a later tick) takes them again only if this try's outcome is never recorded.
     */
    @SuppressWarnings("unchecked")
    public List<Due> claim(int limit, Duration lease) {
        List<Object[]> rows = entityManager.createNativeQuery("""
                update callback_delivery set attempts = attempts + 1, next_attempt_at = ?2
                where request_id in (select request_id from callback_delivery
                    where state = 'PENDING' and next_attempt_at <= now()
                    order by next_attempt_at limit ?1 for update skip locked)
                returning request_id, tenant, url, cast(body as text), attempts
                """).setParameter(1, limit).setParameter(2, Timestamp.from(Instant.now().plus(lease))).getResultList();
        return rows.stream().map(row -> new Due((String) row[0], (String) row[1], (String) row[2], (String) row[3],
                ((Number) row[4]).intValue())).toList();
    }

    public void delivered(Due due, int status) {
        entityManager.createNativeQuery("""
                update callback_delivery set state = 'DELIVERED', last_status = ?2, last_error = null,
                    delivered_at = now() where request_id = ?1
                """).setParameter(1, due.requestId()).setParameter(2, status).executeUpdate();
    }

    /** A failed try: tried again after {@code retryIn}, or given up when that is empty. */
    public void failed(Due due, Integer status, String error, Optional<Duration> retryIn) {
        entityManager.createNativeQuery("""
                update callback_delivery set state = ?2, last_status = ?3, last_error = ?4,
                    next_attempt_at = ?5 where request_id = ?1
                """).setParameter(1, due.requestId()).setParameter(2, retryIn.isPresent() ? "PENDING" : "FAILED")
                .setParameter(3, status).setParameter(4, error)
                .setParameter(5, Timestamp.from(Instant.now().plus(retryIn.orElse(Duration.ZERO)))).executeUpdate();
    }

    @SuppressWarnings("unchecked")
    public Optional<CallbackView> find(String requestId) {
        List<Object[]> rows = entityManager.createNativeQuery("""
                select url, state, attempts, last_status, last_error, delivered_at, next_attempt_at
                from callback_delivery where request_id = ?1
                """).setParameter(1, requestId).getResultList();
        return rows.stream().findFirst().map(CallbackView::of);
    }
}
