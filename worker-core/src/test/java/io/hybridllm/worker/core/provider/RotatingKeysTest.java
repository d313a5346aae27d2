package io.hybridllm.worker.core.provider;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
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
                + "KEY_A, KEY_B; set valid keys in KEY_A, KEY_B"
                + " (environment variables are read at start-up, the credential store every reload)");
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

    @Test
    void replacedKeysJoinTheRotationAndARetiredIdStaysRetiredUnlessItsSecretChanged() {
        List<ApiKey> heard = new ArrayList<>();
        RotatingKeys store = new RotatingKeys("openai", List.of(FIRST), "KEY_A", clock, heard::add);
        store.refused(FIRST, 401);
        store.refused(FIRST, 401);
        assertThat(heard).containsExactly(FIRST);
        assertThat(store.current()).isEmpty();

        ApiKey added = new ApiKey("store:openai/key-2", "sk-added-222");
        store.replace(List.of(FIRST, added));
        assertThat(store.current()).contains(added);
        assertThat(store.hasOtherThan(added.id())).isFalse();

        // The same name with a new value is a new key.
        ApiKey renewed = new ApiKey("KEY_A", "sk-renewed-333");
        store.replace(List.of(renewed, added));
        assertThat(store.current()).contains(renewed);
        assertThat(store.hasOtherThan(renewed.id())).isTrue();

        store.replace(List.of());
        assertThat(store.current()).isEmpty();
    }

    @Test
    void aKeyRestingWhenReplacedKeepsResting() {
        keys.rateLimited(FIRST, Duration.ofSeconds(10));
        keys.replace(List.of(FIRST, SECOND));
        assertThat(keys.current()).contains(SECOND);
    }
}
