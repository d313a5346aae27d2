package io.hybridllm.ingest.tenants;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

/** Keys in force are remembered by their hash for a time to live; unknown and revoked ones never. */
class KeyCacheTest {

    private static final long TTL = 1_000;

    private final AtomicLong clock = new AtomicLong(-5_000);
    private final AtomicInteger queries = new AtomicInteger();
    private final KeyCache cache = new KeyCache(TTL, 2, clock::get);

    private Optional<String> database(String hash) {
        queries.incrementAndGet();
        return hash.startsWith("unknown") ? Optional.empty() : Optional.of("tenant-of-" + hash);
    }

    @Test
    void aKeyInForceIsAskedForOnceUntilItsTimeToLiveEnds() {
        assertThat(cache.tenantOf("abc", this::database)).contains("tenant-of-abc");
        clock.addAndGet(TTL - 1);
        assertThat(cache.tenantOf("abc", this::database)).contains("tenant-of-abc");
        assertThat(queries).hasValue(1);
        clock.addAndGet(1);
        assertThat(cache.tenantOf("abc", this::database)).contains("tenant-of-abc");
        assertThat(queries).hasValue(2);
    }

    @Test
    void anUnknownKeyIsAskedForEveryTime() {
        assertThat(cache.tenantOf("unknown", this::database)).isEmpty();
        assertThat(cache.tenantOf("unknown", this::database)).isEmpty();
        assertThat(queries).hasValue(2);
        assertThat(cache.size()).isZero();
    }

    @Test
    void aForgottenKeyIsAskedForAgainAtOnce() {
        cache.tenantOf("abc", this::database);
        cache.forget("abc");
        assertThat(cache.tenantOf("unknown-now", this::database)).isEmpty();
        assertThat(cache.tenantOf("abc", this::database)).contains("tenant-of-abc");
        assertThat(queries).hasValue(3);
    }

    @Test
    void aLookupThatRacedARevocationKeepsNothing() {
        assertThat(cache.tenantOf("abc", hash -> {
            // The revocation commits after the database answered "in force".
            cache.forget(hash);
            return database(hash);
        })).contains("tenant-of-abc");
        assertThat(cache.size()).isZero();
    }

    @Test
    void pastTheBoundNewKeysAreAskedForEveryTimeUntilOneEnds() {
        cache.tenantOf("one", this::database);
        cache.tenantOf("two", this::database);
        cache.tenantOf("three", this::database);
        cache.tenantOf("three", this::database);
        assertThat(queries).hasValue(4);
        assertThat(cache.size()).isEqualTo(2);
        clock.addAndGet(TTL);
        cache.tenantOf("three", this::database);
        cache.tenantOf("three", this::database);
        assertThat(queries).hasValue(5);
        assertThat(cache.size()).isEqualTo(1);
    }

    @Test
    void aTimeToLiveOfZeroKeepsNothing() {
        KeyCache off = new KeyCache(0, 2, clock::get);
        off.tenantOf("abc", this::database);
        off.tenantOf("abc", this::database);
        assertThat(queries).hasValue(2);
    }
}
