package io.hybridllm.ingest.requests;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.hybridllm.contracts.ErrorInfo;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * One request and what became of it. The request and its reply are kept as the JSON messages themselves, so the row
 * shows exactly what travelled; the columns beside them are what queries need.
 */
@Entity
@Table(name = "llm_request")
public class RequestRecord extends PanacheEntityBase {

    @Id
    public String id;

    public String tenant;

    @Column(name = "job_id")
    public String jobId;

    @Column(name = "task_type")
    public String taskType;

    @Enumerated(EnumType.STRING)
    public RequestStatus status;

    /** How it arrived: {@code http} or {@code kafka}. */
    public String source;

    @JdbcTypeCode(SqlTypes.JSON)
    public String request;

    @JdbcTypeCode(SqlTypes.JSON)
    public String reply;

    /** The tier topic it was last seen on, and the decision and attempts it carried there (before any reply). */
    public String tier;

    @JdbcTypeCode(SqlTypes.JSON)
    public String routing;

    @JdbcTypeCode(SqlTypes.JSON)
    public String attempts;

    @Column(name = "routed_at")
    public Instant routedAt;

    @Column(name = "submitted_at")
    public Instant submittedAt;

    @Column(name = "completed_at")
    public Instant completedAt;

    /** The latest model call a worker announced for it (a {@code CallStarted} message), if any. */
    @JdbcTypeCode(SqlTypes.JSON)
    public String running;

    /** Cancelled while a model call for it was under way: that call still ends and is charged. */
    @Column(name = "cancelled_running")
    public boolean cancelledRunning;

    /** Why a request that ingest ended itself, without a reply, ended; null for the other statuses. */
    public ErrorInfo endingError() {
        return status == RequestStatus.CANCELLED && cancelledRunning ? RequestStatus.CANCELLED_MID_CALL
                : status.endingError();
    }
}
