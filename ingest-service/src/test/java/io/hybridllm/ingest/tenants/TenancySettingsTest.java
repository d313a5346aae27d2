package io.hybridllm.ingest.tenants;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.hybridllm.ingest.config.IngestConfig;
import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.SmallRyeConfigBuilder;

/** A lease or a key cache's time to live out of range stops ingest, naming the key. */
class TenancySettingsTest {

    private static IngestConfig with(String key, String value) {
        // Durations as Quarkus reads them ("5s"), which plain SmallRye Config does not.
        return new SmallRyeConfigBuilder().withConverter(Duration.class, 100, new DurationConverter())
                .withMapping(IngestConfig.class).withDefaultValue(key, value).build()
                .getConfigMapping(IngestConfig.class);
    }

    @Test
    void aLeaseIsFromZeroToAMinute() {
        assertThatCode(() -> new RateLimiter(null, with(RateLimiter.LEASE_KEY, "0s"))).doesNotThrowAnyException();
        assertThatThrownBy(() -> new RateLimiter(null, with(RateLimiter.LEASE_KEY, "-1s")))
                .hasMessageContaining(RateLimiter.LEASE_KEY).hasMessageContaining("refused");
        assertThatThrownBy(() -> new RateLimiter(null, with(RateLimiter.LEASE_KEY, "61s")))
                .hasMessageContaining(RateLimiter.LEASE_KEY);
    }

    @Test
    void aKeysTimeToLiveIsFromZeroToAMinute() {
        assertThatCode(() -> new ApiKeys(with(ApiKeys.CACHE_TTL_KEY, "60s"))).doesNotThrowAnyException();
        assertThatThrownBy(() -> new ApiKeys(with(ApiKeys.CACHE_TTL_KEY, "-1ms")))
                .hasMessageContaining(ApiKeys.CACHE_TTL_KEY).hasMessageContaining("refused");
        assertThatThrownBy(() -> new ApiKeys(with(ApiKeys.CACHE_TTL_KEY, "2m")))
                .hasMessageContaining(ApiKeys.CACHE_TTL_KEY);
    }
}
