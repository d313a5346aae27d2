package io.hybridllm.router.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.hybridllm.contracts.CacheEntry;
import io.hybridllm.contracts.ChatMessage;
import io.hybridllm.contracts.LlmReply;
import io.hybridllm.contracts.LlmRequest;
import io.hybridllm.contracts.RequestHints;
import io.hybridllm.contracts.RoutingDecision;
import io.hybridllm.contracts.Target;
import io.hybridllm.contracts.TaskType;
import io.hybridllm.contracts.Tier;
import io.hybridllm.contracts.TokenUsage;
import io.hybridllm.contracts.json.Json;
import io.hybridllm.router.ShippedConfig;
import io.hybridllm.router.privacy.SensitiveContentDetector;
import io.hybridllm.router.routing.PolicyInForce;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * Lookups as routing makes them: a miss asks the worker to cache the answer; the answer it caches then hits for the
 * same tenant and request, exactly or (for semantic task types) by similarity, and never across tenants, for sensitive
 * requests, or against the request's own hint.
 */
class ResponseCacheTest {

    private static final String POLICY = """
            [routing.hybrid]
            chat = { provider = "ollama", fallback = "openai", cache_ttl_hours = 24 }
            semantic_search = { provider = "ollama", fallback = "openai", cache_ttl_hours = 2 }
            [cache]
            similarity = 0.85
            """;

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private ResponseCache cache;

    @BeforeEach
    void policy(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("cache.toml"), POLICY);
        cache = new ResponseCache(new PolicyInForce(Optional.of(file.toString())),
                new SensitiveContentDetector(ShippedConfig.privacy()), new ResponseCache.Embedders(),
                new CacheMetrics(registry));
    }

    static LlmRequest request(String id, String tenant, TaskType type, String prompt, RequestHints hints) {
        return new LlmRequest(0, id, tenant, null, type, List.of(ChatMessage.user(prompt)), null, hints, null, null,
                null, null);
    }

    static RoutingDecision decision() {
        return new RoutingDecision(Tier.LOCAL_FAST, List.of(new Target("ollama", "llama3.2:1b")), 0.1, List.of(),
                "mode hybrid", "hybrid", "test", null);
    }

    /** What the worker does after answering a miss: publish the entry, which the follower puts in the index. */
    private ResponseCache.Miss answered(LlmRequest request) {
        ResponseCache.Miss miss = (ResponseCache.Miss) cache.consult(request, decision());
        assertThat(miss.decision().caching()).as("a cacheable miss asks for the answer to be kept").isNotNull();
        LlmReply reply = new LlmReply(0, request.id(), request.tenant(), null, LlmReply.Status.SUCCEEDED, "4", null,
                Tier.CLOUD, "openai", "gpt-4o-mini", new TokenUsage(12, 1), new BigDecimal("0.002"), 900, null,
                miss.decision(), List.of(), null);
        CacheEntry entry = CacheEntry.of(reply, miss.decision().caching());
        cache.index().put(entry, Json.write(entry).getBytes(StandardCharsets.UTF_8).length, cache.limits(),
                Instant.now());
        return miss;
    }

    @Test
    void theSameRequestAgainIsAnsweredFromTheCacheForItsTenantOnly() {
        ResponseCache.Miss miss = answered(request("first", "acme", TaskType.CHAT, "What is 2+2?", null));
        assertThat(miss.decision().caching().ttlSeconds()).isEqualTo(24 * 3600);
        assertThat(miss.decision().caching().embedding()).as("chat is not semantic").isNull();

        ResponseCache.Outcome again = cache.consult(request("second", "acme", TaskType.CHAT, "What is 2+2? ", null),
                decision());
        assertThat(again).isInstanceOf(ResponseCache.Hit.class);
        ResponseCache.Hit hit = (ResponseCache.Hit) again;
        assertThat(hit.entry().requestId()).isEqualTo("first");
        assertThat(hit.similarity()).isNull();
        assertThat(hit.decision().rule()).contains("cache hit: the same request", "old (first)");
        LlmReply reply = CachedReplies.reply(request("second", "acme", TaskType.CHAT, "What is 2+2?", null), hit);
        assertThat(reply.costUsd()).isZero();
        assertThat(reply.cacheHit().requestId()).isEqualTo("first");
        assertThat(reply.answer()).isEqualTo("4");
        assertThat(registry.counter("hybrid.router.cache.lookups", "kind", "exact", "result", "hit").count()).isOne();

        assertThat(cache.consult(request("third", "globex", TaskType.CHAT, "What is 2+2?", null), decision()))
                .as("another tenant").isInstanceOf(ResponseCache.Miss.class);
    }

    @Test
    void aSensitiveRequestIsNeitherAnsweredNorKeptAndTheHintBypasses() {
        answered(request("first", "acme", TaskType.CHAT, "What is 2+2?", null));
        RequestHints sensitive = new RequestHints(null, null, true, null, null, null, Map.of());
        ResponseCache.Miss miss = (ResponseCache.Miss) cache
                .consult(request("s", "acme", TaskType.CHAT, "What is 2+2?", sensitive), decision());
        assertThat(miss.decision().caching()).isNull();
        assertThat(miss.decision().rule()).contains("cache: not for a sensitive request");

        RequestHints bypass = new RequestHints(null, null, false, null, null, null, Map.of(), false);
        ResponseCache.Miss bypassed = (ResponseCache.Miss) cache
                .consult(request("b", "acme", TaskType.CHAT, "What is 2+2?", bypass), decision());
        assertThat(bypassed.decision().caching()).as("nor kept").isNull();
        assertThat(registry.counter("hybrid.router.cache.bypassed").count()).isEqualTo(2);
    }

    @Test
    void aTaskTypeWhoseRouteHasNoLifetimeIsNotCached() {
        ResponseCache.Outcome outcome = cache.consult(request("r", "acme", TaskType.REVIEW, "Review this", null),
                decision());
        assertThat(((ResponseCache.Miss) outcome).decision().caching()).isNull();
    }

    @Test
    void aSimilarSemanticSearchHitsWithTheSimilarityExplained() {
        ResponseCache.Miss miss = answered(request("first", "acme", TaskType.SEMANTIC_SEARCH,
                "How do I reset my password on the customer portal?", null));
        assertThat(miss.decision().caching().embedding()).isNotNull();

        ResponseCache.Outcome similar = cache.consult(request("second", "acme", TaskType.SEMANTIC_SEARCH,
                "How can I reset my password on the customer portal?", null), decision());
        assertThat(similar).isInstanceOf(ResponseCache.Hit.class);
        ResponseCache.Hit hit = (ResponseCache.Hit) similar;
        assertThat(hit.similarity()).isGreaterThanOrEqualTo(0.85);
        assertThat(hit.decision().rule()).containsPattern("cache hit: similar request 0\\.\\d\\d ≥ 0\\.85, \\d+ s old");

        assertThat(cache.consult(request("third", "acme", TaskType.SEMANTIC_SEARCH,
                "Which train goes from Paris to Lyon on Sunday morning?", null), decision()))
                        .as("an unrelated question").isInstanceOf(ResponseCache.Miss.class);
    }
}
