package io.hybridllm.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.hybridllm.contracts.json.InvalidMessageException;
import io.hybridllm.contracts.json.Json;

/** Each kind of control event has one topic, which only its writer may write, and is refused on any other. */
class ControlTopicsTest {

    private static final Instant AT = Instant.parse("2026-12-02T10:00:00Z");
    private static final ControlEvent SWITCH = new ControlEvent.ModeSwitch(1, "m-1", "tenant:acme", "ollama-only", true,
            "budget", AT);
    private static final ControlEvent POLICY = new ControlEvent.PolicyChange(1, "p-1", "policy", "v2", "v1",
            "version = \"v2\"\n", "ops", List.of("ai.mode"), AT);
    private static final ControlEvent TIER = new ControlEvent.TierHealth(1, "t-1", "tier:cloud@w-1", Tier.CLOUD, true,
            "ok", AT);
    private static final ControlEvent PROVIDER = new ControlEvent.ProviderHealth(1, "h-1", "provider:openai@w-1",
            "openai", ControlEvent.CircuitState.OPEN, "down", AT);

    @Test
    void eachKindNamesTheTopicOfItsWriter() {
        assertThat(SWITCH.topic()).isEqualTo(Topics.CONTROL_MODES);
        assertThat(POLICY.topic()).isEqualTo(Topics.CONTROL_POLICY);
        assertThat(TIER.topic()).isEqualTo(Topics.CONTROL_HEALTH);
        assertThat(PROVIDER.topic()).isEqualTo(Topics.CONTROL_HEALTH);
        assertThat(Topics.CONTROL_TOPICS).containsExactlyInAnyOrder(Topics.CONTROL_MODES, Topics.CONTROL_POLICY,
                Topics.CONTROL_HEALTH);
    }

    @Test
    void anEventIsReadFromItsOwnTopic() {
        for (ControlEvent event : List.of(SWITCH, POLICY, TIER, PROVIDER)) {
            assertThat(ControlEvent.read(event.topic(), Json.write(event))).isEqualTo(event);
        }
    }

    @Test
    void anEventOnAnotherKindsTopicIsRefusedWithTheReason() {
        assertThatThrownBy(() -> ControlEvent.read(Topics.CONTROL_HEALTH, Json.write(SWITCH)))
                .isInstanceOf(InvalidMessageException.class).hasMessageContaining(
                        "ModeSwitch event belongs on " + Topics.CONTROL_MODES + ", not on " + Topics.CONTROL_HEALTH);
        assertThatThrownBy(() -> ControlEvent.read(Topics.CONTROL_MODES, Json.write(POLICY)))
                .isInstanceOf(InvalidMessageException.class);
        assertThatThrownBy(() -> ControlEvent.read(Topics.CONTROL_POLICY, Json.write(TIER)))
                .isInstanceOf(InvalidMessageException.class);
    }
}
