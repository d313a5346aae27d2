package io.hybridllm.router.cache;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;

import io.hybridllm.contracts.CacheEntry;
import io.hybridllm.contracts.SchemaVersion;
import io.hybridllm.contracts.Tier;
import io.hybridllm.contracts.TokenUsage;

/** Cache entries as a worker writes them, for the tests. */
final class CacheEntries {

    static CacheEntry entry(String tenant, String key, String context, String embedding, Instant created,
            Duration ttl) {
        return new CacheEntry(SchemaVersion.CURRENT, tenant, key, context, "req-" + key, embedding, "4", null, null,
                Tier.CLOUD, "openai", "gpt-4o-mini", new TokenUsage(12, 1), new BigDecimal("0.0125"), created,
                created.plus(ttl));
    }

    static CacheEntry entry(String tenant, String key) {
        return entry(tenant, key, "ctx", null, Instant.now(), Duration.ofHours(1));
    }

    private CacheEntries() {
    }
}
