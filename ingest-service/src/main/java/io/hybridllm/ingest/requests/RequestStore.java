package io.hybridllm.ingest.requests;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.hibernate.Session;

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
    private static final String ROUTED_UPSERT = RequestStatus.inSql("""
            insert into llm_request (id, tenant, job_id, task_type, status, source, request, tier, routing, attempts,
                submitted_at, routed_at, deadline)
            values (?, ?, ?, ?, ?, 'kafka', cast(? as jsonb), ?, cast(? as jsonb), cast(? as jsonb), ?, now(), ?)
            on conflict (id) do update set
                status = case
                    when llm_request.status not in {OPEN} then llm_request.status
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
            """).replace("NEWER", "(llm_request.attempts is null"
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
        recordSubmitted(List.of(request), source);
    }

    /**
     * {@link #recordSubmitted(LlmRequest, String)} for each request, in one round trip. A row that would not change is
     * left alone: ingest reads back every request it submitted itself, and rewriting each row was a second row version
     * per request for nothing.
     */
    public void recordSubmitted(List<LlmRequest> requests, String source) {
        batch("""
                insert into llm_request (id, tenant, job_id, task_type, status, source, request, submitted_at, deadline)
                values (?, ?, ?, ?, 'QUEUED', ?, cast(? as jsonb), ?, ?)
                on conflict (id) do update set request = coalesce(llm_request.request, excluded.request),
                    deadline = coalesce(llm_request.deadline, excluded.deadline),
                    task_type = coalesce(llm_request.task_type, excluded.task_type),
                    job_id = coalesce(llm_request.job_id, excluded.job_id),
                    submitted_at = least(llm_request.submitted_at, excluded.submitted_at),
                    updated_at = now()
                where llm_request.request is null or llm_request.task_type is null
                    or (llm_request.deadline is null and excluded.deadline is not null)
                    or (llm_request.job_id is null and excluded.job_id is not null)
                    or excluded.submitted_at < llm_request.submitted_at
                """, requests, LlmRequest::id, (insert, request) -> {
            insert.setString(1, request.id());
            insert.setString(2, request.tenant());
            insert.setString(3, request.jobId());
            insert.setString(4, request.taskType().name().toLowerCase(Locale.ROOT));
            insert.setString(5, source);
            insert.setString(6, Json.write(request));
            insert.setTimestamp(7, Timestamp.from(request.submittedAt()));
            insert.setTimestamp(8, deadline(request));
        });
    }

    /**
     * Records that a request is on a tier topic: routed by the router, or escalated by a worker (it then carries the
     * attempts so far, or sits on another tier than before). The copy with the longest history wins, so an escalation
     * read before the first routing is not undone by it; a final status is never changed.
     */
    public void recordRouted(List<RoutedRequest> routed) {
        batch(ROUTED_UPSERT, routed, record -> record.request().id(), (upsert, record) -> {
            LlmRequest request = record.request();
            boolean escalated = !request.attempts().isEmpty();
            upsert.setString(1, request.id());
            upsert.setString(2, request.tenant());
            upsert.setString(3, request.jobId());
            upsert.setString(4, request.taskType().name().toLowerCase(Locale.ROOT));
            upsert.setString(5, escalated ? RequestStatus.ESCALATED.name() : RequestStatus.ROUTED.name());
            upsert.setString(6, Json.write(request.withAttempts(List.of())));
            upsert.setString(7, record.decision().tier().wireName());
            upsert.setString(8, Json.write(record.decision()));
            upsert.setString(9, Json.write(request.attempts()));
            upsert.setTimestamp(10, Timestamp.from(request.submittedAt()));
            upsert.setTimestamp(11, deadline(request));
        });
    }

    /**
     * Records that a worker began a model call for a request. It shows as {@code running} unless it has ended, or the
     * call is older news than the tier record already read (an attempt the request's escalation already carries); the
     * call with the highest attempt number is the one shown. The tier topics' records keep a request running as long as
     * its latest call is on their tier or later (see {@link #recordRouted}).
     */
    public void recordStarted(List<CallStarted> calls) {
        batch(RequestStatus.inSql("""
                insert into llm_request (id, tenant, status, source, submitted_at, running, running_attempt)
                values (?, ?, 'RUNNING', 'kafka', ?, cast(? as jsonb), ?)
                on conflict (id) do update set
                    status = case
                        when llm_request.status in {OPEN}
                            and excluded.running_attempt > coalesce(jsonb_array_length(llm_request.attempts), 0)
                        then 'RUNNING' else llm_request.status end,
                    running = case when llm_request.running_attempt is null
                        or excluded.running_attempt >= llm_request.running_attempt
                        then excluded.running else llm_request.running end,
                    running_attempt = greatest(llm_request.running_attempt, excluded.running_attempt),
                    updated_at = now()
                """), calls, CallStarted::requestId, (upsert, call) -> {
            upsert.setString(1, call.requestId());
            upsert.setString(2, call.tenant());
            upsert.setTimestamp(3, Timestamp.from(call.at()));
            upsert.setString(4, Json.write(call));
            upsert.setInt(5, call.attempt());
        });
    }

    /**
     * Ends as {@code expired} what is still queued past its deadline, and what has been on a tier longer than
     * {@code routedGrace} past it (no worker took it: a worker checks the deadline before each call, so one that did
     * would have replied). Returns the ids it ended.
     */
    @SuppressWarnings("unchecked")
    public List<String> expire(Duration routedGrace) {
        return entityManager.createNativeQuery(RequestStatus.inSql("""
                update llm_request set status = 'EXPIRED', completed_at = now(), updated_at = now()
                where deadline is not null and ((status = 'QUEUED' and deadline < now())
                    or (status in {ON_TIER} and deadline < ?1))
                returning id
                """)).setParameter(1, Timestamp.from(Instant.now().minus(routedGrace))).getResultList();
    }

    /** A request {@link #cancelOpen} cancelled; {@code midCall} when a model call for it was under way. */
    public record CancelledRow(String id, String tenant, boolean midCall) {
    }

    /** Cancels those of {@code ids} that have not ended; returns each it cancelled. */
    @SuppressWarnings("unchecked")
    public List<CancelledRow> cancelOpen(List<String> ids) {
        List<Object[]> rows = entityManager.createNativeQuery(RequestStatus.inSql("""
                update llm_request set status = 'CANCELLED', cancelled_running = (status = 'RUNNING'),
                    completed_at = now(), updated_at = now()
                where id in (?1) and status in {OPEN}
                returning id, tenant, cancelled_running
                """)).setParameter(1, ids).getResultList();
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
     * not see it change. Returns the ids whose row ended with the reply given here: a client waiting on this replica
     * can be answered from it without reading the row again.
     */
    public Set<String> recordReply(List<LlmReply> replies) {
        Map<String, LlmReply> byId = new HashMap<>();
        replies.forEach(reply -> byId.putIfAbsent(reply.requestId(), reply));
        Set<String> kept = new HashSet<>();
        batch(RequestStatus.inSql("""
                insert into llm_request (id, tenant, job_id, status, source, reply, submitted_at, completed_at)
                values (?, ?, ?, ?, 'kafka', cast(? as jsonb), ?, ?)
                on conflict (id) do update set
                    reply = case when llm_request.status in ('SUCCEEDED', 'FAILED') then llm_request.reply
                        else excluded.reply end,
                    status = case when llm_request.status in {FINAL}
                        then llm_request.status else excluded.status end,
                    completed_at = coalesce(llm_request.completed_at, excluded.completed_at), updated_at = now()
                returning id, status, completed_at
                """), replies, LlmReply::requestId, (upsert, reply) -> {
            Timestamp completed = Timestamp.from(reply.completedAt());
            upsert.setString(1, reply.requestId());
            upsert.setString(2, reply.tenant() == null ? "unknown" : reply.tenant());
            upsert.setString(3, reply.jobId());
            upsert.setString(4, RequestStatus.of(reply).name());
            upsert.setString(5, Json.write(reply));
            upsert.setTimestamp(6, completed);
            upsert.setTimestamp(7, completed);
        }, row -> {
            // The reply is the row's result when the row ended with it: its status and its time. An earlier end
            // (cancelled, expired, a first reply) kept its own.
            LlmReply reply = byId.get(row.getString(1));
            if (reply != null && RequestStatus.of(reply).name().equals(row.getString(2))
                    && sameMicrosecond(row.getTimestamp(3), reply.completedAt())) {
                kept.add(reply.requestId());
            }
        });
        return kept;
    }

    /** PostgreSQL keeps timestamps to the (rounded) microsecond. */
    private static boolean sameMicrosecond(Timestamp stored, Instant instant) {
        return stored != null && Math.abs(ChronoUnit.NANOS.between(stored.toInstant(), instant)) <= 1_000;
    }

    /** Reads one row a statement returned. */
    @FunctionalInterface
    private interface RowReader {
        void read(ResultSet row) throws SQLException;
    }

    /** Binds one item's parameters to a statement. */
    @FunctionalInterface
    private interface Binder<T> {
        void bind(PreparedStatement statement, T item) throws SQLException;
    }

    /**
     * Runs {@code sql} once for each item in one JDBC batch: one round trip for a whole poll of status records, where a
     * Hibernate query per record cost most of this service's CPU under load. The rows are written in the order of their
     * ids, so that two consumers writing overlapping polls lock them in the same order and never deadlock.
     */
    private <T> void batch(String sql, List<T> items, Function<T, String> id, Binder<T> binder) {
        batch(sql, items, id, binder, null);
    }

    /** As above; {@code returned}, when not null, reads each row the statement's {@code returning} clause gives. */
    private <T> void batch(String sql, List<T> items, Function<T, String> id, Binder<T> binder, RowReader returned) {
        if (items.isEmpty()) {
            return;
        }
        List<T> inIdOrder = items.stream().sorted(Comparator.comparing(id)).toList();
        entityManager.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement statement = returned == null ? connection.prepareStatement(sql)
                    : connection.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
                for (T item : inIdOrder) {
                    binder.bind(statement, item);
                    statement.addBatch();
                }
                statement.executeBatch();
                if (returned != null) {
                    try (ResultSet rows = statement.getGeneratedKeys()) {
                        while (rows.next()) {
                            returned.read(rows);
                        }
                    }
                }
            }
        });
    }
}
