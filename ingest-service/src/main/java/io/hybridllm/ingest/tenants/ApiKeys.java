package io.hybridllm.ingest.tenants;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

import io.hybridllm.contracts.TenantKey;
import io.hybridllm.ingest.config.IngestConfig;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.Startup;

/**
 * Makes and checks tenant API keys. A key is {@code hyb_} and 256 random bits; only its SHA-256 is stored
 * ({@link TenantKey#hashOf}). A key in force is remembered for {@code hybrid.ingest.tenant-keys.cache-ttl}
 * ({@link KeyCache}): before, every request with a key was a JTA transaction and a query of its own.
 */
// Built at startup, so that a refused time to live stops the service rather than its first request.
@Startup
@ApplicationScoped
public class ApiKeys {

    static final String CACHE_TTL_KEY = "hybrid.ingest.tenant-keys.cache-ttl";
    private static final Duration LONGEST_TTL = Duration.ofMinutes(1);
    private static final String PREFIX = TenantKey.PREFIX;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final KeyCache cache;

    public ApiKeys(IngestConfig config) {
        Duration ttl = config.tenantKeys().cacheTtl();
        if (ttl.isNegative() || ttl.compareTo(LONGEST_TTL) > 0) {
            throw new IllegalStateException("application.properties: " + CACHE_TTL_KEY + " (" + ttl
                    + ") is refused: it must be from 0 (no cache) to " + LONGEST_TTL
                    + ", since another replica takes a revoked key for that long");
        }
        this.cache = new KeyCache(ttl.toNanos(), KeyCache.MAX_KEYS, System::nanoTime);
    }

    /** A key revoked, by its hash; fired in the revoking transaction. */
    public record Revoked(String keySha256) {
    }

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
        return cache.tenantOf(sha256(key),
                hash -> QuarkusTransaction.joiningExisting()
                        .call(() -> ApiKeyRecord.<ApiKeyRecord> find("keySha256 = ?1 and revokedAt is null", hash)
                                .firstResultOptional().map(record -> record.tenant)));
    }

    /** Forgets a revoked key once its revocation is over, so no lookup that raced it can keep it. */
    void forget(@Observes(during = TransactionPhase.AFTER_COMPLETION) Revoked revoked) {
        cache.forget(revoked.keySha256());
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
