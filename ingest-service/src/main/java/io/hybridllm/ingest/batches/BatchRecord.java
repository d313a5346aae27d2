package io.hybridllm.ingest.batches;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A batch of requests: whose, how it came ({@code jsonl} or {@code openai}), and how many lines were read. */
@Entity
@Table(name = "batch")
public class BatchRecord extends PanacheEntityBase {

    @Id
    public String id;

    public String tenant;

    public String source;

    /** Lines read, malformed ones included. */
    public int total;

    /** Lines that became requests. */
    public int accepted;

    /** What the OpenAI Batch API keeps about a batch it made (input file, endpoint, window, metadata). */
    @JdbcTypeCode(SqlTypes.JSON)
    public String openai;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "cancelled_at")
    public Instant cancelledAt;
}
