package io.hybridllm.worker.core.provider;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;

class RotatingKeysTest {

    private static final ApiKey FIRST = new ApiKey("KEY_A", "sk-first-000");
    private static final ApiKey SECOND = new ApiKey("KEY_B", "sk-second-111");

    /** A clock the test moves. */
    private static final class Hands extends Clock {
        private Instant now = Instant.parse("2026-11-22T10:00:00Z");

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }

    private final Hands clock = new Hands();
    private final RotatingKeys keys = new RotatingKeys("openai", List.of(FIRST, SECOND), "KEY_A, KEY_B", clock);

    @Test
    void aRevokedKeyIsRetiredForGoodAndTheNextTakesOver() {
        assertThat(keys.current()).contains(FIRST);
        keys.refused(FIRST, 401);
        assertThat(keys.current()).contains(SECOND);
        assertThat(keys.hasOtherThan("KEY_B")).isFalse();
        clock.now = clock.now.plus(Duration.ofDays(1));
        assertThat(keys.current()).contains(SECOND);

        keys.refused(SECOND, 401);
        assertThat(keys.current()).isEmpty();
        assertThat(keys.unavailable("openai")).isEqualTo("every API key of openai was refused (HTTP 401) and retired: "
                + "KEY_A, KEY_B; set valid keys in KEY_A, KEY_B and restart the worker");
    }

    @Test
    void aKeyRefusedOtherwiseIsPassedOverButNotRetired() {
        keys.refused(FIRST, 403);
        assertThat(keys.current()).contains(SECOND);
        keys.refused(SECOND, 403);
        assertThat(keys.current()).contains(FIRST);
    }

    @Test
    void aRateLimitedKeyRestsForTheWaitAskedForWhileTheOtherServes() {
        keys.rateLimited(FIRST, Duration.ofSeconds(10));
        assertThat(keys.current()).contains(SECOND);
        assertThat(keys.hasOtherThan("KEY_A")).isTrue();
        assertThat(keys.hasOtherThan("KEY_B")).isFalse();

        // Both resting: the one free soonest is offered rather than none.
        keys.rateLimited(SECOND, Duration.ofSeconds(30));
        assertThat(keys.current()).contains(FIRST);
        assertThat(keys.hasOtherThan("KEY_A")).isFalse();

        clock.now = clock.now.plusSeconds(11);
        assertThat(keys.current()).contains(FIRST);
        assertThat(keys.hasOtherThan("KEY_B")).isTrue();
    }

    @Test
    void withoutKeysTheMessageSaysWhereToSetThem() {
        RotatingKeys none = new RotatingKeys("claude", List.of(), "ANTHROPIC_API_KEY", clock);
        assertThat(none.current()).isEmpty();
        assertThat(none.unavailable("claude")).isEqualTo("no API key configured for claude: set ANTHROPIC_API_KEY");
    }
}
