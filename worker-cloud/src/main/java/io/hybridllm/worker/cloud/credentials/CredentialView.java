package io.hybridllm.worker.cloud.credentials;

import java.time.Instant;

/** A stored key as the admin API shows it: its id, state and fingerprint, never its value. */
public record CredentialView(String id, String provider, String name, String status, String fingerprint,
        String masterKeyId, Instant createdAt, Instant retiredAt, String retiredReason) {

    static CredentialView of(ProviderCredential row) {
        return new CredentialView(row.keyId(), row.provider, row.keyName, row.status, row.fingerprint, row.masterKeyId,
                row.createdAt, row.retiredAt, row.retiredReason);
    }
}
