package io.hybridllm.worker.core.provider;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpHeaders;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class RetryAfterTest {

    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");

    private static Optional<Duration> of(boolean rateLimited, String... nameValues) {
        Map<String, List<String>> map = new HashMap<>();
        for (int i = 0; i < nameValues.length; i += 2) {
            map.put(nameValues[i], List.of(nameValues[i + 1]));
        }
        return RetryAfter.of(HttpHeaders.of(map, (name, value) -> true), rateLimited, NOW);
    }

    @Test
    void retryAfterIsSecondsOrAnHttpDate() {
        assertThat(of(true, "Retry-After", "7")).contains(Duration.ofSeconds(7));
        assertThat(of(true, "retry-after", "1.5")).contains(Duration.ofMillis(1500));
        assertThat(of(false, "Retry-After", "Sun, 22 Nov 2026 10:00:30 GMT")).contains(Duration.ofSeconds(30));
        assertThat(of(true, "Retry-After", "Sun, 22 Nov 2026 09:59:00 GMT")).contains(Duration.ZERO);
    }

    @Test
    void millisecondsWinOverSeconds() {
        assertThat(of(true, "retry-after", "6", "retry-after-ms", "5500")).contains(Duration.ofMillis(5500));
    }

    @Test
    void openAiResetDurationsCountForTheExhaustedLimit() {
        assertThat(of(true, "x-ratelimit-remaining-requests", "0", "x-ratelimit-reset-requests", "1.5s",
                "x-ratelimit-remaining-tokens", "19000", "x-ratelimit-reset-tokens", "6m0s"))
                        .contains(Duration.ofMillis(1500));
        assertThat(of(true, "x-ratelimit-remaining-requests", "3", "x-ratelimit-reset-requests", "250ms",
                "x-ratelimit-remaining-tokens", "0", "x-ratelimit-reset-tokens", "1h2m3.5s"))
                        .contains(Duration.ofHours(1).plusMinutes(2).plusMillis(3500));
    }

    @Test
    void withNoLimitUsedUpTheLatestResetCounts() {
        assertThat(of(true, "x-ratelimit-remaining-requests", "2", "x-ratelimit-reset-requests", "2s",
                "x-ratelimit-remaining-tokens", "10", "x-ratelimit-reset-tokens", "20s"))
                        .contains(Duration.ofSeconds(20));
    }

    @Test
    void anthropicResetsAreTimes() {
        assertThat(of(true, "anthropic-ratelimit-requests-remaining", "0", "anthropic-ratelimit-requests-reset",
                "2026-11-22T10:00:04Z", "anthropic-ratelimit-tokens-remaining", "5000",
                "anthropic-ratelimit-tokens-reset", "2026-11-22T10:01:00Z")).contains(Duration.ofSeconds(4));
    }

    @Test
    void resetHeadersOnlyCountForARateLimitAndGarbageIsIgnored() {
        assertThat(of(false, "x-ratelimit-remaining-requests", "0", "x-ratelimit-reset-requests", "1s")).isEmpty();
        assertThat(of(true, "Retry-After", "soon")).isEmpty();
        assertThat(of(true, "x-ratelimit-reset-requests", "1x2s")).isEmpty();
        assertThat(of(true)).isEmpty();
    }

    @Test
    void goDurationsAsGeminiAndOpenAiWriteThem() {
        assertThat(RetryAfter.goDuration("17s")).contains(Duration.ofSeconds(17));
        assertThat(RetryAfter.goDuration("0.5s")).contains(Duration.ofMillis(500));
        assertThat(RetryAfter.goDuration("")).isEmpty();
        assertThat(RetryAfter.goDuration("s")).isEmpty();
    }
}
