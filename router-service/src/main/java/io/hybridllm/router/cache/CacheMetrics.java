package io.hybridllm.router.cache;

import java.math.BigDecimal;
import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * The response cache's meters, looked up once: hits and misses by kind ({@code exact}, {@code semantic}), requests that
 * bypassed it, the spend hits saved (what the cached calls cost), the lookup time, and the index's size.
 */
@ApplicationScoped
public class CacheMetrics {

    private final Counter exactHits;
    private final Counter semanticHits;
    private final Counter exactMisses;
    private final Counter semanticMisses;
    private final Counter bypassed;
    private final DistributionSummary saved;
    private final Timer exactLookup;
    private final Timer semanticLookup;
    private final MeterRegistry metrics;

    public CacheMetrics(MeterRegistry metrics) {
        this.metrics = metrics;
        exactHits = metrics.counter("hybrid.router.cache.lookups", "kind", "exact", "result", "hit");
        semanticHits = metrics.counter("hybrid.router.cache.lookups", "kind", "semantic", "result", "hit");
        exactMisses = metrics.counter("hybrid.router.cache.lookups", "kind", "exact", "result", "miss");
        semanticMisses = metrics.counter("hybrid.router.cache.lookups", "kind", "semantic", "result", "miss");
        bypassed = metrics.counter("hybrid.router.cache.bypassed");
        saved = DistributionSummary.builder("hybrid.router.cache.saved").baseUnit("usd").register(metrics);
        exactLookup = Timer.builder("hybrid.router.cache.lookup").tag("kind", "exact").register(metrics);
        semanticLookup = Timer.builder("hybrid.router.cache.lookup").tag("kind", "semantic").register(metrics);
    }

    /** Registers the index's size gauges; the index belongs to {@link ResponseCache}. */
    void watch(CacheIndex index) {
        Gauge.builder("hybrid.router.cache.entries", index, CacheIndex::size).register(metrics);
        Gauge.builder("hybrid.router.cache.bytes", index, CacheIndex::bytes).register(metrics);
    }

    void hit(boolean semantic, long startedNanos, BigDecimal savedUsd) {
        (semantic ? semanticHits : exactHits).increment();
        (semantic ? semanticLookup : exactLookup).record(Duration.ofNanos(System.nanoTime() - startedNanos));
        saved.record(savedUsd.doubleValue());
    }

    void miss(boolean semantic, long startedNanos) {
        (semantic ? semanticMisses : exactMisses).increment();
        (semantic ? semanticLookup : exactLookup).record(Duration.ofNanos(System.nanoTime() - startedNanos));
    }

    void bypassed() {
        bypassed.increment();
    }
}
