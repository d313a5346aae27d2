package io.hybridllm.contracts;

import static io.hybridllm.contracts.json.Check.require;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * One answer kept in the response cache, on the compacted {@value Topics#CACHE} keyed by {@link #recordKey()}: written
 * by the worker that answered a request whose decision asked for it ({@link RoutingDecision.Caching}), read by every
 * router replica. {@code contextKey} is the key of everything but the messages, so a semantic hit needs the same
 * options; {@code embedding} is set for a task type cached semantically. {@code costUsd} is what the call cost the
 * worker that made it: what a hit saves.
 */
public record CacheEntry(int schemaVersion, String tenant, String key, String contextKey, String requestId,
        String embedding, String answer, FinishReason finishReason, List<ToolCall> toolCalls, Tier tier,
        String provider, String model, TokenUsage usage, BigDecimal costUsd, Instant createdAt, Instant expiresAt) {

    public CacheEntry {
        schemaVersion = SchemaVersion.check(schemaVersion);
        require(tenant != null && !tenant.isBlank(), "tenant", "is required");
        require(key != null && !key.isBlank(), "key", "is required");
        require(contextKey != null && !contextKey.isBlank(), "context_key", "is required");
        require(requestId != null && !requestId.isBlank(), "request_id", "is required");
        require(answer != null, "answer", "is required");
        require(provider != null && !provider.isBlank(), "provider", "is required");
        require(createdAt != null, "created_at", "is required");
        require(expiresAt != null && expiresAt.isAfter(createdAt), "expires_at", "must be after created_at");
        finishReason = finishReason == null ? FinishReason.STOP : finishReason;
        toolCalls = toolCalls == null || toolCalls.isEmpty() ? null : List.copyOf(toolCalls);
        usage = usage == null ? TokenUsage.NONE : usage;
        costUsd = costUsd == null ? BigDecimal.ZERO : costUsd;
    }

    /** The entry for a successful reply whose decision asked for it to be cached as {@code caching} says. */
    public static CacheEntry of(LlmReply reply, RoutingDecision.Caching caching) {
        Instant now = Instant.now();
        return new CacheEntry(SchemaVersion.CURRENT, reply.tenant(), caching.key(), caching.contextKey(),
                reply.requestId(), caching.embedding(), reply.answer(), reply.finishReason(), reply.toolCalls(),
                reply.tier(), reply.provider(), reply.model(), reply.usage(), reply.costUsd(), now,
                now.plusSeconds(caching.ttlSeconds()));
    }

    /** The record key on {@value Topics#CACHE}: one entry per tenant and key, the newest kept by compaction. */
    public String recordKey() {
        return recordKey(tenant, key);
    }

    public static String recordKey(String tenant, String key) {
        return tenant + "/" + key;
    }

    public boolean expiredAt(Instant now) {
        return !expiresAt.isAfter(now);
    }
}
