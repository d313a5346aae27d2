package io.hybridllm.router.cache;

import java.time.Instant;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import io.hybridllm.contracts.CacheEntry;
import io.hybridllm.embedding.Vectors;

/**
 * One replica's view of the response cache: the entries of {@link io.hybridllm.contracts.Topics#CACHE}, bounded in
 * count and bytes per tenant and in total. Entries are kept in arrival order; over a bound, the oldest go first (the
 * tenant's own when the tenant's bound is hit), and an expired entry is dropped when met. Lookups touch one tenant's
 * entries only, so a semantic scan is linear in at most {@link Limits#entriesPerTenant()}. Synchronized: the follower
 * writes while requests read, and every operation is short and bounded.
 */
public final class CacheIndex {

    /** The bounds, as {@code [cache]} gives them. */
    public record Limits(int entries, int entriesPerTenant, long bytes, long bytesPerTenant) {
    }

    /** A semantic match and how alike the two requests are. */
    public record Match(CacheEntry entry, double similarity) {
    }

    private record Stored(CacheEntry entry, float[] vector, long bytes) {
    }

    private final Map<String, Stored> all = new LinkedHashMap<>();
    private final Map<String, LinkedHashMap<String, Stored>> byTenant = new HashMap<>();
    private final Map<String, Long> tenantBytes = new HashMap<>();
    private long bytes;

    /**
     * Keeps {@code entry} ({@code size} bytes on the wire) unless it has expired or alone exceeds a bound; a newer
     * entry under the same key replaces the older. Returns whether it was kept.
     */
    public synchronized boolean put(CacheEntry entry, long size, Limits limits, Instant now) {
        remove(entry.tenant(), entry.key());
        if (entry.expiredAt(now) || size > limits.bytesPerTenant() || size > limits.bytes()) {
            return false;
        }
        float[] vector = entry.embedding() == null ? null : Vectors.fromBase64(entry.embedding());
        Stored stored = new Stored(entry, vector, size);
        LinkedHashMap<String, Stored> own = byTenant.computeIfAbsent(entry.tenant(), t -> new LinkedHashMap<>());
        while (!own.isEmpty() && (own.size() >= limits.entriesPerTenant()
                || tenantBytes.getOrDefault(entry.tenant(), 0L) + size > limits.bytesPerTenant())) {
            remove(entry.tenant(), own.keySet().iterator().next());
        }
        while (!all.isEmpty() && (all.size() >= limits.entries() || bytes + size > limits.bytes())) {
            Stored oldest = all.values().iterator().next();
            remove(oldest.entry().tenant(), oldest.entry().key());
        }
        byTenant.computeIfAbsent(entry.tenant(), t -> new LinkedHashMap<>()).put(entry.key(), stored);
        all.put(entry.recordKey(), stored);
        tenantBytes.merge(entry.tenant(), size, Long::sum);
        bytes += size;
        return true;
    }

    /** The entry under {@code key} for {@code tenant}, if it has not expired. */
    public synchronized Optional<CacheEntry> exact(String tenant, String key, Instant now) {
        LinkedHashMap<String, Stored> own = byTenant.get(tenant);
        Stored stored = own == null ? null : own.get(key);
        if (stored == null) {
            return Optional.empty();
        }
        if (stored.entry().expiredAt(now)) {
            remove(tenant, key);
            return Optional.empty();
        }
        return Optional.of(stored.entry());
    }

    /**
     * The tenant's live entry with the same context key whose embedding is most alike {@code vector}, if it is at least
     * {@code threshold} alike. Expired entries met on the way are dropped.
     */
    public synchronized Optional<Match> similar(String tenant, String contextKey, float[] vector, double threshold,
            Instant now) {
        LinkedHashMap<String, Stored> own = byTenant.get(tenant);
        if (own == null) {
            return Optional.empty();
        }
        Match best = null;
        boolean expired = false;
        for (Stored stored : own.values()) {
            if (stored.entry().expiredAt(now)) {
                expired = true;
                continue;
            }
            if (stored.vector() == null || stored.vector().length != vector.length
                    || !stored.entry().contextKey().equals(contextKey)) {
                continue;
            }
            double similarity = Vectors.similarity(vector, stored.vector());
            if (similarity >= threshold && (best == null || similarity > best.similarity())) {
                best = new Match(stored.entry(), similarity);
            }
        }
        if (expired) {
            dropExpired(own, now);
        }
        return Optional.ofNullable(best);
    }

    /** Forgets the entry under {@code key}: a tombstone on the topic. */
    public synchronized void remove(String tenant, String key) {
        LinkedHashMap<String, Stored> own = byTenant.get(tenant);
        Stored stored = own == null ? null : own.remove(key);
        if (stored == null) {
            return;
        }
        all.remove(stored.entry().recordKey());
        bytes -= stored.bytes();
        tenantBytes.merge(tenant, -stored.bytes(), Long::sum);
        if (own.isEmpty()) {
            byTenant.remove(tenant);
            tenantBytes.remove(tenant);
        }
    }

    public synchronized int size() {
        return all.size();
    }

    public synchronized int size(String tenant) {
        LinkedHashMap<String, Stored> own = byTenant.get(tenant);
        return own == null ? 0 : own.size();
    }

    public synchronized long bytes() {
        return bytes;
    }

    private void dropExpired(LinkedHashMap<String, Stored> own, Instant now) {
        Iterator<Stored> stored = own.values().iterator();
        while (stored.hasNext()) {
            Stored next = stored.next();
            if (next.entry().expiredAt(now)) {
                stored.remove();
                all.remove(next.entry().recordKey());
                bytes -= next.bytes();
                tenantBytes.merge(next.entry().tenant(), -next.bytes(), Long::sum);
            }
        }
    }
}
