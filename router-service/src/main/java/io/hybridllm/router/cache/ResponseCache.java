package io.hybridllm.router.cache;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.hybridllm.contracts.CacheEntry;
import io.hybridllm.contracts.CacheKey;
import io.hybridllm.contracts.LlmRequest;
import io.hybridllm.contracts.RoutingDecision;
import io.hybridllm.contracts.TaskType;
import io.hybridllm.embedding.TextEmbedder;
import io.hybridllm.embedding.Vectors;
import io.hybridllm.policy.Policy;
import io.hybridllm.router.privacy.SensitiveContentDetector;
import io.hybridllm.router.routing.PolicyInForce;

/**
 * The response cache as routing sees it: for a routed request, either a cached answer (exact: the same
 * {@link CacheKey}; semantic, for the task types {@code [cache]} names: an entry of the same context whose embedding is
 * alike enough), or the decision marked for the answer to be cached. Nothing is looked up or kept when the cache is
 * off, the route's lifetime is 0, the request bypasses it ({@code hints.cache: false}), or it is sensitive and
 * {@code [cache] sensitive} does not allow it.
 */
@ApplicationScoped
public class ResponseCache {

    /** The prompt's first characters are what is embedded: the model reads 126 word pieces, fewer than these. */
    static final int SEMANTIC_PREFIX_CHARS = 2_000;

    private final CacheIndex index = new CacheIndex();
    private final PolicyInForce policies;
    private final SensitiveContentDetector privacy;
    private final Embedders embedders;
    private final CacheMetrics metrics;

    public ResponseCache(PolicyInForce policies, SensitiveContentDetector privacy, Embedders embedders,
            CacheMetrics metrics) {
        this.policies = policies;
        this.privacy = privacy;
        this.embedders = embedders;
        this.metrics = metrics;
        metrics.watch(index);
    }

    /** A cached answer for the request, or the decision to route it with. */
    public sealed interface Outcome {
    }

    /** {@code entry} answers the request; {@code decision} explains why. Similarity is null for an exact hit. */
    public record Hit(CacheEntry entry, Double similarity, RoutingDecision decision) implements Outcome {
    }

    /** Not answered here: route with {@code decision}, which says whether the answer is to be cached. */
    public record Miss(RoutingDecision decision) implements Outcome {
    }

    public Outcome consult(LlmRequest request, RoutingDecision decision) {
        Policy policy = policies.current();
        Policy.Cache settings = policy.cache();
        int ttlHours = settings.ttlHours(policy, decision.mode(), request.taskType());
        if (ttlHours > 0 && request.taskType().equals(TaskType.EMBED)) {
            // An entry keeps a text answer, not vectors; a route's cache_ttl_hours on embed is refused by the policy.
            return new Miss(decision.because("cache: embeddings are not cached ([cache] default_ttl_hours aside)"));
        }
        if (ttlHours == 0 || request.hints().bypassesCache()) {
            if (ttlHours > 0) {
                metrics.bypassed();
            }
            return new Miss(decision);
        }
        if (!settings.sensitiveAllowed() && privacy.mustStayLocal(request).isPresent()) {
            metrics.bypassed();
            return new Miss(decision.because("cache: not for a sensitive request ([cache] sensitive = false)"));
        }
        long started = System.nanoTime();
        Instant now = Instant.now();
        CacheKey.Keys keys = CacheKey.of(request);
        Optional<CacheEntry> exact = index.exact(request.tenant(), keys.exact(), now);
        if (exact.isPresent()) {
            metrics.hit(false, started, exact.get().costUsd());
            return new Hit(exact.get(), null, decision.because("cache hit: the same request, " + age(exact.get(), now)
                    + " old (" + exact.get().requestId() + ")"));
        }
        String embedding = null;
        if (settings.semanticTaskTypes().contains(request.taskType())) {
            // The scorer may have embedded the prompt already (learned scoring): the same text, so the same vector.
            float[] vector = decision.embedding() != null ? Vectors.fromBase64(decision.embedding())
                    : embedders.prompt(request);
            Optional<CacheIndex.Match> match = index.similar(request.tenant(), keys.context(), vector,
                    settings.similarity(), now);
            if (match.isPresent()) {
                CacheIndex.Match found = match.get();
                metrics.hit(true, started, found.entry().costUsd());
                return new Hit(found.entry(), found.similarity(),
                        decision.because(String.format(Locale.ROOT,
                                "cache hit: similar request %.2f ≥ %.2f, %s old (%s)", found.similarity(),
                                settings.similarity(), age(found.entry(), now), found.entry().requestId())));
            }
            embedding = decision.embedding() != null ? decision.embedding() : Vectors.toBase64(vector);
        }
        metrics.miss(embedding != null, started);
        return new Miss(decision
                .withCaching(new RoutingDecision.Caching(keys.exact(), keys.context(),
                        Duration.ofHours(ttlHours).toSeconds(), embedding))
                .because("cache: miss, the answer is kept " + ttlHours + " h"));
    }

    public CacheIndex index() {
        return index;
    }

    /** The index's bounds under the policy in force. */
    public CacheIndex.Limits limits() {
        Policy.Cache settings = policies.current().cache();
        return new CacheIndex.Limits(settings.maxEntries(), settings.maxEntriesPerTenant(), settings.maxBytes(),
                settings.maxBytesPerTenant());
    }

    private static String age(CacheEntry entry, Instant now) {
        Duration age = Duration.between(entry.createdAt(), now);
        return age.toHours() > 0 ? age.toHours() + " h"
                : age.toMinutes() > 0 ? age.toMinutes() + " min" : Math.max(0, age.toSeconds()) + " s";
    }

    /** The embedder of semantic lookups and learned scoring, a bean so that it loads once, on first use. */
    @ApplicationScoped
    public static class Embedders {

        public TextEmbedder semantic() {
            return io.hybridllm.embedding.MiniLmEmbedder.shared();
        }

        /** The embedding of the request's prompt, as semantic lookups and learned scoring compare them. */
        public float[] prompt(LlmRequest request) {
            String text = request.promptText();
            return semantic()
                    .embed(text.length() > SEMANTIC_PREFIX_CHARS ? text.substring(0, SEMANTIC_PREFIX_CHARS) : text);
        }
    }
}
