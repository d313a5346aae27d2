package io.hybridllm.ingest.tenants;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A tenant: whose requests are whose, and its own rate limit (null: the default). */
@Entity
@Table(name = "tenant")
public class TenantRecord extends PanacheEntityBase {

    @Id
    public String id;

    public String name;

    @Column(name = "requests_per_minute")
    public Integer requestsPerMinute;

    @Column(name = "created_at")
    public Instant createdAt;
}
