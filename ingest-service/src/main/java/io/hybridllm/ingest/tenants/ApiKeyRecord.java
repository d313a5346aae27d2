package io.hybridllm.ingest.tenants;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A tenant's API key, as the hash of the key: the key itself is shown once, when it is made, and kept nowhere. */
@Entity
@Table(name = "api_key")
public class ApiKeyRecord extends PanacheEntityBase {

    @Id
    public String id;

    public String tenant;

    @Column(name = "key_sha256")
    public String keySha256;

    /** The first characters of the key, to recognise it in a listing. */
    public String prefix;

    public String label;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "revoked_at")
    public Instant revokedAt;
}
