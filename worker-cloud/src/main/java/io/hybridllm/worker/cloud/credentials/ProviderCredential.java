package io.hybridllm.worker.cloud.credentials;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One stored provider key, sealed (see {@link CredentialCipher}); its value is never in a column. */
@Entity
@Table(name = "provider_credentials")
public class ProviderCredential extends PanacheEntityBase {

    public static final String ACTIVE = "active";
    public static final String RETIRED = "retired";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String provider;

    @Column(name = "key_name")
    public String keyName;

    public byte[] ciphertext;

    public byte[] nonce;

    @Column(name = "master_key_id")
    public String masterKeyId;

    public String fingerprint;

    public String status;

    @Column(name = "retired_reason")
    public String retiredReason;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "retired_at")
    public Instant retiredAt;

    public String keyId() {
        return StoredKeyId.of(provider, keyName);
    }

    CredentialCipher.Sealed sealed() {
        return new CredentialCipher.Sealed(nonce, ciphertext, masterKeyId);
    }
}
