package io.hybridllm.router.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import io.hybridllm.contracts.ControlEvent;
import io.hybridllm.contracts.SchemaVersion;

class ModeSwitchStateTest {

    private final ModeSwitchState state = new ModeSwitchState();
    private Instant clock = Instant.parse("2026-11-22T10:00:00Z");

    private void publish(String scope, String mode) {
        clock = clock.plusSeconds(1);
        state.apply(
                new ControlEvent.ModeSwitch(SchemaVersion.CURRENT, scope + clock, scope, mode, false, "test", clock));
    }

    @Test
    void aTenantsOwnSwitchWinsAndAWithdrawnOneFallsBackToTheGlobal() {
        publish("global", "ollama-heavy");
        publish("tenant:acme", "ollama-only");
        assertThat(state.forTenant("acme")).hasValueSatisfying(s -> assertThat(s.mode()).isEqualTo("ollama-only"));

        publish("tenant:acme", null);
        assertThat(state.forTenant("acme")).hasValueSatisfying(s -> assertThat(s.mode()).isEqualTo("ollama-heavy"));

        publish("global", null);
        assertThat(state.forTenant("acme")).as("withdrawn everywhere: the policy decides").isEmpty();
        assertThat(state.forTenant("other")).isEmpty();
    }
}
