package io.hybridllm.ingest.openai;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A file uploaded through the OpenAI Files API: a batch's input. */
@Entity
@Table(name = "openai_file")
public class FileRecord extends PanacheEntityBase {

    @Id
    public String id;

    public String tenant;

    public String purpose;

    public String filename;

    public long bytes;

    public byte[] content;

    @Column(name = "created_at")
    public Instant createdAt;
}
