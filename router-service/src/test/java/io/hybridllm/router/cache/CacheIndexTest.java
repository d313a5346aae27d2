package io.hybridllm.router.cache;

import static io.hybridllm.router.cache.CacheEntries.entry;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import io.hybridllm.embedding.Vectors;

/** The replica's index: bounded per tenant and in total, oldest out first, expired entries never answered. */
class CacheIndexTest {

    private static final CacheIndex.Limits ROOMY = new CacheIndex.Limits(100, 100, 1_000_000, 1_000_000);
    private static final Instant NOW = Instant.now();

    @Test
    void anEntryIsFoundByItsTenantAndKeyOnly() {
        CacheIndex index = new CacheIndex();
        assertThat(index.put(entry("acme", "k1"), 100, ROOMY, NOW)).isTrue();
        assertThat(index.exact("acme", "k1", NOW)).isPresent();
        assertThat(index.exact("globex", "k1", NOW)).as("another tenant's entry").isEmpty();
        assertThat(index.exact("acme", "k2", NOW)).isEmpty();
    }

    @Test
    void anExpiredEntryIsNeverAnsweredAndIsDropped() {
        CacheIndex index = new CacheIndex();
        index.put(entry("acme", "k1", "ctx", null, NOW.minusSeconds(30), Duration.ofMinutes(1)), 100, ROOMY, NOW);
        assertThat(index.exact("acme", "k1", NOW)).isPresent();
        assertThat(index.exact("acme", "k1", NOW.plusSeconds(31))).isEmpty();
        assertThat(index.size()).isZero();
        assertThat(index.put(entry("acme", "k2", "ctx", null, NOW.minusSeconds(120), Duration.ofMinutes(1)), 100, ROOMY,
                NOW)).as("expired on arrival").isFalse();
    }

    @Test
    void aTenantOverItsBoundLosesItsOwnOldestEntryNotAnothers() {
        CacheIndex index = new CacheIndex();
        CacheIndex.Limits limits = new CacheIndex.Limits(10, 2, 1_000_000, 1_000_000);
        index.put(entry("globex", "g1"), 100, limits, NOW);
        index.put(entry("acme", "a1"), 100, limits, NOW);
        index.put(entry("acme", "a2"), 100, limits, NOW);
        index.put(entry("acme", "a3"), 100, limits, NOW);
        assertThat(index.size("acme")).isEqualTo(2);
        assertThat(index.exact("acme", "a1", NOW)).isEmpty();
        assertThat(index.exact("acme", "a3", NOW)).isPresent();
        assertThat(index.exact("globex", "g1", NOW)).isPresent();
    }

    @Test
    void theTotalBoundsInCountAndBytesEvictTheOldestOfAll() {
        CacheIndex index = new CacheIndex();
        CacheIndex.Limits count = new CacheIndex.Limits(2, 2, 1_000_000, 1_000_000);
        index.put(entry("globex", "g1"), 100, count, NOW);
        index.put(entry("acme", "a1"), 100, count, NOW);
        index.put(entry("initech", "i1"), 100, count, NOW);
        assertThat(index.size()).isEqualTo(2);
        assertThat(index.exact("globex", "g1", NOW)).isEmpty();

        CacheIndex sized = new CacheIndex();
        CacheIndex.Limits bytes = new CacheIndex.Limits(100, 100, 250, 250);
        sized.put(entry("acme", "a1"), 100, bytes, NOW);
        sized.put(entry("acme", "a2"), 100, bytes, NOW);
        sized.put(entry("acme", "a3"), 100, bytes, NOW);
        assertThat(sized.bytes()).isLessThanOrEqualTo(250);
        assertThat(sized.exact("acme", "a1", NOW)).isEmpty();
        assertThat(sized.put(entry("acme", "huge"), 300, bytes, NOW)).as("larger than a bound alone").isFalse();
    }

    @Test
    void aNewerEntryUnderTheSameKeyReplacesTheOlderAndATombstoneRemovesIt() {
        CacheIndex index = new CacheIndex();
        index.put(entry("acme", "k1"), 100, ROOMY, NOW);
        index.put(entry("acme", "k1"), 150, ROOMY, NOW);
        assertThat(index.size()).isOne();
        assertThat(index.bytes()).isEqualTo(150);
        index.remove("acme", "k1");
        assertThat(index.size()).isZero();
        assertThat(index.bytes()).isZero();
    }

    @Test
    void theMostSimilarEntryOfTheSameContextAboveTheThresholdMatches() {
        CacheIndex index = new CacheIndex();
        float[] north = { 1, 0, 0 };
        float[] nearNorth = Vectors.normalised(new float[] { 0.96f, 0.28f, 0 });
        float[] east = { 0, 1, 0 };
        index.put(entry("acme", "n", "ctx", Vectors.toBase64(nearNorth), NOW, Duration.ofHours(1)), 100, ROOMY, NOW);
        index.put(entry("acme", "e", "ctx", Vectors.toBase64(east), NOW, Duration.ofHours(1)), 100, ROOMY, NOW);
        index.put(entry("acme", "x", "other", Vectors.toBase64(north), NOW, Duration.ofHours(1)), 100, ROOMY, NOW);

        CacheIndex.Match match = index.similar("acme", "ctx", north, 0.9, NOW).orElseThrow();
        assertThat(match.entry().key()).isEqualTo("n");
        assertThat(match.similarity()).isBetween(0.95, 0.97);
        assertThat(index.similar("acme", "ctx", north, 0.99, NOW)).as("below the threshold").isEmpty();
        assertThat(index.similar("globex", "ctx", north, 0.5, NOW)).as("another tenant").isEmpty();
        assertThat(index.similar("acme", "ctx", north, 0.9, NOW.plus(Duration.ofHours(2)))).as("expired").isEmpty();
    }
}
