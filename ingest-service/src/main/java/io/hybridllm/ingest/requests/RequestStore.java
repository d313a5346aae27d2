package io.hybridllm.ingest.requests;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import io.hybridllm.contracts.CallStarted;
import io.hybridllm.contracts.LlmReply;
import io.hybridllm.contracts.LlmRequest;
import io.hybridllm.contracts.RoutedRequest;
import io.hybridllm.contracts.json.Json;

/**
 * Writes request rows so that every write is idempotent and order-proof: redelivered Kafka records, the same request
 * seen both from HTTP and from the topic, and records of one request read from different topics in any order, leave the
 * row as one delivery in the natural order would.
 */
@ApplicationScoped
public class RequestStore {

    /** A copy with at least as long a history as the one recorded is the newer one. */
    private static final String ROUTED_UPSERT = """
            insert into llm_request (id, tenant, job_id, task_type, status, source, request, tier, routing, attempts,
                submitted_at, routed_at, deadline)
            values (?1, ?2, ?3, ?4, ?5, 'kafka', cast(?6 as jsonb), ?7, cast(?8 as jsonb), cast(?9 as jsonb), ?10,
                now(), ?11)
            on conflict (id) do update set
                status = case
                    when llm_request.status not in ('QUEUED', 'ROUTED', 'ESCALATED', 'RUNNING') then llm_request.status
                    when llm_request.running_attempt > jsonb_array_length(excluded.attempts) then 'RUNNING'
                    when excluded.status = 'ESCALATED' or llm_request.status = 'ESCALATED'
                        or llm_request.tier <> excluded.tier then 'ESCALATED'
                    else 'ROUTED' end,
                tier = case when NEWER then excluded.tier else llm_request.tier end,
                routing = case when NEWER then excluded.routing else llm_request.routing end,
                attempts = case when NEWER then excluded.attempts else llm_request.attempts end,
                request = coalesce(llm_request.request, excluded.request),
                deadline = coalesce(llm_request.deadline, excluded.deadline),
                routed_at = coalesce(llm_request.routed_at, excluded.routed_at), updated_at = now()
            """.replace("NEWER", "(llm_request.attempts is null"
            + " or jsonb_array_length(excluded.attempts) >= jsonb_array_length(llm_request.attempts))");

    private final EntityManager entityManager;

    public RequestStore(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    public Optional<RequestRecord> find(String id) {
        return Optional.ofNullable(RequestRecord.findById(id));
    }

    /** Records a request as queued unless it is known already (its reply may even have come first). */
    public void recordSubmitted(LlmRequest request, String source) {
        entityManager.createNativeQuery("""
                insert into llm_request (id, tenant, job_id, task_type, status, source, request, submitted_at, deadline)
                values (?1, ?2, ?3, ?4, 'QUEUED', ?5, cast(?6 as jsonb), ?7, ?8)
                on conflict (id) do update set request = coalesce(llm_request.request, excluded.request),
                    deadline = coalesce(llm_request.deadline, excluded.deadline),
                    task_type = coalesce(llm_request.task_type, excluded.task_type),
                    job_id = coalesce(llm_request.job_id, excluded.job_id),
                    submitted_at = least(llm_request.submitted_at, excluded.submitted_at),
                    updated_at = now()
                """).setParameter(1, request.id()).setParameter(2, request.tenant()).setParameter(3, request.jobId())
                .setParameter(4, request.taskType().name().toLowerCase(Locale.ROOT)).setParameter(5, source)
                .setParameter(6, Json.write(request)).setParameter(7, Timestamp.from(request.submittedAt()))
                .setParameter(8, deadline(request)).executeUpdate();
    }

    /**
     * Records that a request is on a tier topic: routed by the router, or escalated by a worker (it then carries the
     * attempts so far, or sits on another tier than before). The copy with the longest history wins, so an escalation
     * read before the first routing is not undone by it; a final status is never changed.
     */
    public void recordRouted(RoutedRequest routed) {
        LlmRequest request = routed.request();
        boolean escalated = !request.attempts().isEmpty();
        entityManager.createNativeQuery(ROUTED_UPSERT).setParameter(1, request.id()).setParameter(2, request.tenant())
                .setParameter(3, request.jobId()).setParameter(4, request.taskType().name().toLowerCase(Locale.ROOT))
                .setParameter(5, escalated ? RequestStatus.ESCALATED.name() : RequestStatus.ROUTED.name())
                .setParameter(6, Json.write(request.withAttempts(List.of())))
                .setParameter(7, routed.decision().tier().wireName()).setParameter(8, Json.write(routed.decision()))
                .setParameter(9, Json.write(request.attempts())).setParameter(10, Timestamp.from(request.submittedAt()))
                .setParameter(11, deadline(request)).executeUpdate();
    }

    /**
     * Records that a worker began a model call for a request. It shows as {@code running} unless it has ended, or the
     * call is older news than the tier record already read (an attempt the request's escalation already carries); the
     * call with the highest attempt number is the one shown. The tier topics' records keep a request running as long as
     * its latest call is on their tier or later (see {@link #recordRouted}).
     */
    public void recordStarted(CallStarted call) {
        entityManager.createNativeQuery("""
                insert into llm_request (id, tenant, status, source, submitted_at, running, running_attempt)
                values (?1, ?2, 'RUNNING', 'kafka', ?3, cast(?4 as jsonb), ?5)
                on conflict (id) do update set
                    status = case
                        when llm_request.status in ('QUEUED', 'ROUTED', 'ESCALATED', 'RUNNING')
                            and excluded.running_attempt > coalesce(jsonb_array_length(llm_request.attempts), 0)
                        then 'RUNNING' else llm_request.status end,
                    running = case when llm_request.running_attempt is null
                        or excluded.running_attempt >= llm_request.running_attempt
                        then excluded.running else llm_request.running end,
                    running_attempt = greatest(llm_request.running_attempt, excluded.running_attempt),
                    updated_at = now()
                """).setParameter(1, call.requestId()).setParameter(2, call.tenant())
                .setParameter(3, Timestamp.from(call.at())).setParameter(4, Json.write(call))
                .setParameter(5, call.attempt()).executeUpdate();
    }

    /**
     * Ends as {@code expired} what is still queued past its deadline, and what has been on a tier longer than
     * {@code routedGrace} past it (no worker took it: a worker checks the deadline before each call, so one that did
     * would have replied). Returns the ids it ended.
     */
    @SuppressWarnings("unchecked")
    public List<String> expire(Duration routedGrace) {
        return entityManager.createNativeQuery("""
                update llm_request set status = 'EXPIRED', completed_at = now(), updated_at = now()
                where deadline is not null and ((status = 'QUEUED' and deadline < now())
                    or (status in ('ROUTED', 'ESCALATED', 'RUNNING') and deadline < ?1))
                returning id
                """).setParameter(1, Timestamp.from(Instant.now().minus(routedGrace))).getResultList();
    }

    /** A request {@link #cancelOpen} cancelled; {@code midCall} when a model call for it was under way. */
    public record CancelledRow(String id, String tenant, boolean midCall) {
    }

    /** Cancels those of {@code ids} that have not ended; returns each it cancelled. */
    @SuppressWarnings("unchecked")
    public List<CancelledRow> cancelOpen(List<String> ids) {
        List<Object[]> rows = entityManager.createNativeQuery("""
                update llm_request set status = 'CANCELLED', cancelled_running = (status = 'RUNNING'),
                    completed_at = now(), updated_at = now()
                where id in (?1) and status in ('QUEUED', 'ROUTED', 'ESCALATED', 'RUNNING')
                returning id, tenant, cancelled_running
                """).setParameter(1, ids).getResultList();
        return rows.stream().map(row -> new CancelledRow((String) row[0], (String) row[1], (Boolean) row[2])).toList();
    }

    private static Timestamp deadline(LlmRequest request) {
        return request.hints().deadline() == null ? null : Timestamp.from(request.hints().deadline());
    }

    /**
     * Records the final result; a reply for a request never seen (its record still in flight) creates the row. A
     * request that ingest itself ended (cancelled, or expired while queued) keeps that status, but the reply's details
     * (what was paid for) are kept too. The first reply wins: a worker killed before it committed answers again after a
     * restart, maybe otherwise (a 429 first, an answer on the retry), and a client that has seen the final state must
     * not see it change.
     */
    public void recordReply(LlmReply reply) {
        entityManager.createNativeQuery("""
                insert into llm_request (id, tenant, job_id, status, source, reply, submitted_at, completed_at)
                values (?1, ?2, ?3, ?4, 'kafka', cast(?5 as jsonb), ?6, ?6)
                on conflict (id) do update set
                    reply = case when llm_request.status in ('SUCCEEDED', 'FAILED') then llm_request.reply
                        else excluded.reply end,
                    status = case when llm_request.status in ('SUCCEEDED', 'FAILED', 'CANCELLED', 'EXPIRED')
                        then llm_request.status else excluded.status end,
                    completed_at = coalesce(llm_request.completed_at, excluded.completed_at), updated_at = now()
                """).setParameter(1, reply.requestId())
                .setParameter(2, reply.tenant() == null ? "unknown" : reply.tenant()).setParameter(3, reply.jobId())
                .setParameter(4, RequestStatus.of(reply).name()).setParameter(5, Json.write(reply))
                .setParameter(6, Timestamp.from(reply.completedAt())).executeUpdate();
    }
}
