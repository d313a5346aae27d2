package io.hybridllm.cost.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.hybridllm.contracts.Channels;
import io.hybridllm.contracts.TenantKey;
import io.hybridllm.contracts.json.InvalidMessageException;
import io.hybridllm.contracts.json.Json;
import io.hybridllm.cost.tenants.TenantKeys;
import io.quarkus.logging.Log;

/**
 * Learns which tenant each key belongs to from {@code llm.tenant-keys}; every replica reads the whole compacted topic
 * in a group of its own (see application.properties), so a restarted one knows every key again.
 */
@ApplicationScoped
public class TenantKeyConsumer {

    private final TenantKeys keys;

    public TenantKeyConsumer(TenantKeys keys) {
        this.keys = keys;
    }

    @Incoming(Channels.TENANT_KEYS)
    public void consume(String payload) {
        try {
            keys.apply(Json.read(payload, TenantKey.class));
        } catch (InvalidMessageException e) {
            // State, not work: an unreadable record is skipped, loudly; the key it meant stays unknown (401).
            Log.warnf("Unreadable tenant key skipped: %s", e.getMessage());
        }
    }
}
