package io.hybridllm.ingest.tenants;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.hybridllm.contracts.TenantKey;

/**
 * Makes and checks tenant API keys. A key is {@code hyb_} and 256 random bits; only its SHA-256 is stored
 * ({@link TenantKey#hashOf}).
 */
@ApplicationScoped
public class ApiKeys {

    private static final String PREFIX = TenantKey.PREFIX;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A key just made: the key itself, to show once, and its stored record. */
    public record Issued(String key, ApiKeyRecord record) {
    }

    /** Makes a key for {@code tenant}, in the caller's transaction. */
    public Issued issue(String tenant, String label) {
        String key = PREFIX + random(32);
        ApiKeyRecord record = new ApiKeyRecord();
        record.id = "key_" + random(9);
        record.tenant = tenant;
        record.keySha256 = sha256(key);
        record.prefix = key.substring(0, PREFIX.length() + 6);
        record.label = label;
        record.createdAt = Instant.now();
        record.persist();
        return new Issued(key, record);
    }

    /** Whether a token is meant as one of this system's keys (whatever its validity). */
    public static boolean isKeyShaped(String token) {
        return token.startsWith(PREFIX);
    }

    /** The tenant of a key in force; empty for an unknown or revoked key. */
    public Optional<String> tenantOf(String key) {
        if (key == null || !key.startsWith(PREFIX) || key.length() > 100) {
            return Optional.empty();
        }
        return ApiKeyRecord.<ApiKeyRecord> find("keySha256 = ?1 and revokedAt is null", sha256(key))
                .firstResultOptional().map(record -> record.tenant);
    }

    static String sha256(String key) {
        return TenantKey.hashOf(key);
    }

    private static String random(int bytes) {
        byte[] value = new byte[bytes];
        RANDOM.nextBytes(value);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(value);
    }
}
