package io.hybridllm.ingest.requests;

import java.sql.Timestamp;
import java.util.Locale;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import io.hybridllm.contracts.LlmReply;
import io.hybridllm.contracts.LlmRequest;
import io.hybridllm.contracts.json.Json;

/**
 * Writes request rows so that every write is idempotent: redelivered Kafka records, and the same request seen both from
 * HTTP and from the topic, leave the row as one delivery would.
 */
@ApplicationScoped
public class RequestStore {

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
                insert into llm_request (id, tenant, job_id, task_type, status, source, request, submitted_at)
                values (?1, ?2, ?3, ?4, 'QUEUED', ?5, cast(?6 as jsonb), ?7)
                on conflict (id) do update set request = coalesce(llm_request.request, excluded.request),
                    task_type = coalesce(llm_request.task_type, excluded.task_type),
                    job_id = coalesce(llm_request.job_id, excluded.job_id),
                    submitted_at = least(llm_request.submitted_at, excluded.submitted_at),
                    updated_at = now()
                """).setParameter(1, request.id()).setParameter(2, request.tenant()).setParameter(3, request.jobId())
                .setParameter(4, request.taskType().name().toLowerCase(Locale.ROOT)).setParameter(5, source)
                .setParameter(6, Json.write(request)).setParameter(7, Timestamp.from(request.submittedAt()))
                .executeUpdate();
    }

    /** Records the final result; a reply for a request never seen (its record still in flight) creates the row. */
    public void recordReply(LlmReply reply) {
        RequestStatus status = reply.status() == LlmReply.Status.SUCCEEDED ? RequestStatus.SUCCEEDED
                : RequestStatus.FAILED;
        entityManager.createNativeQuery("""
                insert into llm_request (id, tenant, job_id, status, source, reply, submitted_at, completed_at)
                values (?1, ?2, ?3, ?4, 'kafka', cast(?5 as jsonb), ?6, ?6)
                on conflict (id) do update set status = excluded.status, reply = excluded.reply,
                    completed_at = excluded.completed_at, updated_at = now()
                """).setParameter(1, reply.requestId())
                .setParameter(2, reply.tenant() == null ? "unknown" : reply.tenant()).setParameter(3, reply.jobId())
                .setParameter(4, status.name()).setParameter(5, Json.write(reply))
                .setParameter(6, Timestamp.from(reply.completedAt())).executeUpdate();
    }
}
