package io.hybridllm.router.cache;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;

import io.hybridllm.contracts.CacheEntry;
import io.hybridllm.contracts.LlmReply;
import io.hybridllm.contracts.LlmRequest;
import io.hybridllm.contracts.SchemaVersion;

/** The reply to a request answered from the cache: the cached answer, priced at zero, marked as a hit. */
public final class CachedReplies {

    public static LlmReply reply(LlmRequest request, ResponseCache.Hit hit) {
        CacheEntry entry = hit.entry();
        Instant now = Instant.now();
        long age = Math.max(0, Duration.between(entry.createdAt(), now).toSeconds());
        return new LlmReply(SchemaVersion.CURRENT, request.id(), request.tenant(), request.jobId(),
                LlmReply.Status.SUCCEEDED, entry.answer(), null, entry.tier(), entry.provider(), entry.model(),
                entry.usage(), BigDecimal.ZERO, 0, null, hit.decision(), request.attempts(), now, entry.finishReason(),
                entry.toolCalls(), null, new LlmReply.CacheHit(entry.requestId(), age, hit.similarity()));
    }

    private CachedReplies() {
    }
}
