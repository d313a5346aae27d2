package io.hybridllm.router.bench;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import io.hybridllm.contracts.CacheEntry;
import io.hybridllm.contracts.FinishReason;
import io.hybridllm.contracts.SchemaVersion;
import io.hybridllm.contracts.Tier;
import io.hybridllm.contracts.TokenUsage;
import io.hybridllm.embedding.MiniLmEmbedder;
import io.hybridllm.embedding.Vectors;
import io.hybridllm.router.cache.CacheIndex;

/**
 * The response cache's lookups as the router makes them for a cacheable request: an exact lookup, a semantic scan of
 * one tenant's entries (up to {@code max_entries_per_tenant}, 2,000 by default), and the embedding of a prompt that a
 * semantic lookup needs first. Run with bin/bench-router-decision CacheLookupBenchmark.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class CacheLookupBenchmark {

    private static final String TENANT = "acme";
    private static final CacheIndex.Limits LIMITS = new CacheIndex.Limits(1_000_000, 1_000_000, Long.MAX_VALUE,
            Long.MAX_VALUE);

    @Param({ "100", "2000", "10000" })
    int entries;

    private final CacheIndex index = new CacheIndex();
    private final Instant now = Instant.now();
    private float[] probe;
    private final String prompt = "Which of our internal documents describe the on-call rotation for the payments team?";

    @Setup
    public void fill() {
        Random random = new Random(7);
        for (int i = 0; i < entries; i++) {
            float[] vector = new float[MiniLmEmbedder.DIMENSIONS];
            for (int d = 0; d < vector.length; d++) {
                vector[d] = (float) random.nextGaussian();
            }
            String embedding = Vectors.toBase64(Vectors.normalised(vector));
            CacheEntry entry = new CacheEntry(SchemaVersion.CURRENT, TENANT, "key-" + i, "context", "r-" + i, embedding,
                    "answer " + i, FinishReason.STOP, null, Tier.CLOUD, "openai", "gpt-4o-mini", new TokenUsage(20, 40),
                    new BigDecimal("0.0001"), now, now.plus(Duration.ofHours(24)));
            index.put(entry, 2_500, LIMITS, now);
        }
        probe = MiniLmEmbedder.shared().embed(prompt);
    }

    @Benchmark
    public Optional<CacheEntry> exactLookup() {
        return index.exact(TENANT, "key-" + (entries / 2), now);
    }

    @Benchmark
    public Optional<CacheIndex.Match> semanticScan() {
        return index.similar(TENANT, "context", probe, 0.92, now);
    }

    @Benchmark
    public float[] embedThePrompt() {
        return MiniLmEmbedder.shared().embed(prompt);
    }
}
