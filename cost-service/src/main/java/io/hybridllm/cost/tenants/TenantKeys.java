package io.hybridllm.cost.tenants;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import io.hybridllm.contracts.TenantKey;
import io.quarkus.logging.Log;

/**
 * Every tenant key's tenant, as ingest announces them on {@code llm.tenant-keys}: hashes only, never a key. Bounded:
 * past {@value #MAX_KEYS} keys a new one is refused loudly (a report made with it answers 401), never the memory.
 */
@ApplicationScoped
public class TenantKeys {

    static final int MAX_KEYS = 100_000;

    private record Known(String tenant, boolean revoked) {
    }

    private final Map<String, Known> byHash = new ConcurrentHashMap<>();

    public void apply(TenantKey key) {
        if (byHash.size() >= MAX_KEYS && !byHash.containsKey(key.keySha256())) {
            Log.errorf("tenant key of %s not kept: %d keys are known already (the bound); reports with it answer 401",
                    key.tenant(), MAX_KEYS);
            return;
        }
        byHash.put(key.keySha256(), new Known(key.tenant(), key.revoked()));
    }

    /** The tenant of a key in force; empty for a key unknown, revoked, or not shaped as a tenant key. */
    public Optional<String> tenantOf(String key) {
        if (key == null || !key.startsWith(TenantKey.PREFIX) || key.length() > 100) {
            return Optional.empty();
        }
        return Optional.ofNullable(byHash.get(TenantKey.hashOf(key))).filter(known -> !known.revoked())
                .map(Known::tenant);
    }
}
