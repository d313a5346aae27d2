package io.hybridllm.ingest.tenants;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * The tenants of keys proven lately, by each key's SHA-256 (never the key), so that a caller's every request does not
 * ask the database: each for a short time to live, at most {@value #MAX_KEYS} at once (past it a key is not kept, and
 * is looked up every time, as without the cache). Unknown and revoked keys are never kept. A key revoked through this
 * replica is forgotten once its revocation commits; another replica may take it until its entry's time to live ends.
 */
final class KeyCache {

    static final int MAX_KEYS = 10_000;

    private record Entry(String tenant, long endsAt) {
    }

    private final Map<String, Entry> byHash = new ConcurrentHashMap<>();
    /** Counts revocations, so a lookup that raced one drops what it read. */
    private final AtomicLong revocations = new AtomicLong();
    private final long ttlNanos;
    private final int maxKeys;
    private final LongSupplier clock;

    KeyCache(long ttlNanos, int maxKeys, LongSupplier clock) {
        this.ttlNanos = ttlNanos;
        this.maxKeys = maxKeys;
        this.clock = clock;
    }

    /** The tenant of the key of {@code hash}: kept, else from {@code database} (empty for a key not in force). */
    Optional<String> tenantOf(String hash, Function<String, Optional<String>> database) {
        if (ttlNanos == 0) {
            return database.apply(hash);
        }
        long now = clock.getAsLong();
        Entry entry = byHash.get(hash);
        if (entry != null && now - entry.endsAt() < 0) {
            return Optional.of(entry.tenant());
        }
        long revoked = revocations.get();
        Optional<String> tenant = database.apply(hash);
        tenant.ifPresent(found -> keep(hash, new Entry(found, now + ttlNanos), now, revoked));
        return tenant;
    }

    private void keep(String hash, Entry entry, long now, long revoked) {
        if (!Bounded.roomFor(byHash, hash, maxKeys, kept -> now - kept.endsAt() >= 0)) {
            return;
        }
        byHash.put(hash, entry);
        // A revocation that committed while the database was asked may have come too late for what it answered.
        if (revocations.get() != revoked) {
            byHash.remove(hash);
        }
    }

    /** Forgets a key at once (it was revoked). */
    void forget(String hash) {
        revocations.incrementAndGet();
        byHash.remove(hash);
    }

    int size() {
        return byHash.size();
    }
}
