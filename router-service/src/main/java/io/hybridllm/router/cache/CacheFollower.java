package io.hybridllm.router.cache;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.hybridllm.contracts.CacheEntry;
import io.hybridllm.contracts.json.InvalidMessageException;
import io.hybridllm.contracts.json.Json;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Materialises {@link io.hybridllm.contracts.Topics#CACHE} into this replica's {@link CacheIndex}, record by record as
 * {@link CacheTopic} reads them. Every replica reads the whole compacted topic in a consumer group of its own, from the
 * beginning (see application.properties), so all hold the same entries and a restarted replica finds them again. A null
 * value is a tombstone; an entry whose record key is not its own tenant and key is refused, so a record cannot plant an
 * answer under another tenant.
 */
@ApplicationScoped
public class CacheFollower {

    private static final Logger LOG = Logger.getLogger(CacheFollower.class);

    private final ResponseCache cache;
    private final Counter refused;
    private final Counter dropped;

    public CacheFollower(ResponseCache cache, MeterRegistry metrics) {
        this.cache = cache;
        this.refused = metrics.counter("hybrid.router.cache.entries.refused");
        this.dropped = metrics.counter("hybrid.router.cache.entries.not_kept");
    }

    /** One record of the topic: {@code where} names it in a refusal. */
    public void apply(String key, String value, String where) {
        if (value == null) {
            int slash = key == null ? -1 : key.indexOf('/');
            if (slash > 0) {
                cache.index().remove(key.substring(0, slash), key.substring(slash + 1));
            }
            return;
        }
        CacheEntry entry;
        try {
            entry = Json.read(value, CacheEntry.class);
            if (!entry.recordKey().equals(key)) {
                throw new InvalidMessageException("key", "is " + key + ", but the entry is " + entry.recordKey());
            }
        } catch (InvalidMessageException e) {
            // The cache is state, not work: an unreadable entry is skipped, loudly, and counted.
            refused.increment();
            LOG.warnf("cache entry skipped (%s): %s", where, e.getMessage());
            return;
        }
        long size = value.getBytes(StandardCharsets.UTF_8).length;
        if (!cache.index().put(entry, size, cache.limits(), Instant.now())) {
            // Expired already, or larger than a bound: nothing to keep.
            dropped.increment();
        }
    }
}
