package io.hybridllm.contracts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * A tenant's API key as every service but ingest knows it, on the compacted {@value Topics#TENANT_KEYS} topic keyed by
 * {@link #keySha256()}: the key's SHA-256 (hex) and its tenant, never the key itself. A revoked key stays, marked
 * {@code revoked}, so that a replica reading the topic from the start ends with the key refused.
 */
public record TenantKey(int schemaVersion, String keySha256, String tenant, boolean revoked, Instant at) {

    /** What every tenant key starts with; a bearer token of another shape is not meant as one. */
    public static final String PREFIX = "hyb_";

    /**
     * The key's SHA-256 in hex: how keys are stored and announced. A plain hash is enough (no slow KDF): a key is 256
     * random bits, so there is nothing to guess, unlike a password.
     */
    public static String hashOf(String key) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
