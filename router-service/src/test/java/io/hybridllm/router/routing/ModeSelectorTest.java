package io.hybridllm.router.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.hybridllm.contracts.ControlEvent;
import io.hybridllm.contracts.LlmRequest;
import io.hybridllm.contracts.RequestHints;
import io.hybridllm.contracts.TaskType;
import io.hybridllm.policy.Policy;
import io.hybridllm.policy.PolicyLoader;
import io.hybridllm.router.Prompts;

class ModeSelectorTest {

    // Monday 2026-11-23 10:00 in Berlin; Saturday 2026-11-28 10:00.
    private static final Instant MONDAY_MORNING = Instant.parse("2026-11-23T09:00:00Z");
    private static final Instant SATURDAY = Instant.parse("2026-11-28T09:00:00Z");

    private static Policy policy(Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("p.toml"), """
                [dynamic_switching]
                enabled = true
                [dynamic_switching.schedule]
                time_zone = "Europe/Berlin"
                weekday_9_to_5 = "api-heavy"
                weekend = "ollama-heavy"
                [dynamic_switching.context]
                test_files = "ollama-heavy"
                "**/*.sql" = "ollama-only"
                """);
        return PolicyLoader.load(List.of(file)).policy();
    }

    private static LlmRequest request(String file) {
        return Prompts.request("m", TaskType.CHAT, "hi",
                new RequestHints(null, null, false, null, null, null, file == null ? Map.of() : Map.of("file", file)));
    }

    private static Optional<ControlEvent.ModeSwitch> budget(String mode) {
        return Optional.of(new ControlEvent.ModeSwitch(1, "b", "tenant:acme", mode, false, "monthly budget at 95%",
                MONDAY_MORNING));
    }

    @Test
    void theScheduleSetsTheModeInItsTimeZone(@TempDir Path dir) throws IOException {
        Policy policy = policy(dir);
        assertThat(ModeSelector.select(policy, request(null), Optional.empty(), MONDAY_MORNING))
                .isEqualTo(new ModeSelector.Mode("api-heavy", "schedule: weekday_9_to_5 (Europe/Berlin)"));
        assertThat(ModeSelector.select(policy, request(null), Optional.empty(), SATURDAY).name())
                .isEqualTo("ollama-heavy");
    }

    @Test
    void aContextRuleBeatsTheSchedule(@TempDir Path dir) throws IOException {
        Policy policy = policy(dir);
        assertThat(ModeSelector
                .select(policy, request("src/test/java/CacheTest.java"), Optional.empty(), MONDAY_MORNING).name())
                        .isEqualTo("ollama-heavy");
        assertThat(
                ModeSelector.select(policy, request("db/migrate/V2__x.sql"), Optional.empty(), MONDAY_MORNING).name())
                        .isEqualTo("ollama-only");
    }

    @Test
    void aBudgetSwitchBeatsEverythingElse(@TempDir Path dir) throws IOException {
        Policy policy = policy(dir);
        assertThat(ModeSelector.select(policy, request("src/test/java/CacheTest.java"), budget("ollama-only"),
                MONDAY_MORNING))
                        .isEqualTo(new ModeSelector.Mode("ollama-only", "budget (tenant:acme): monthly budget at 95%"));
    }

    @Test
    void aSwitchToAModeThePolicyLacksIsIgnored(@TempDir Path dir) throws IOException {
        assertThat(ModeSelector.select(policy(dir), request(null), budget("frugal"), MONDAY_MORNING).name())
                .isEqualTo("api-heavy");
    }

    @Test
    void withoutDynamicSwitchingTheConfiguredModeHolds() {
        Policy builtIn = PolicyLoader.load(List.of()).policy();
        assertThat(
                ModeSelector.select(builtIn, request("src/test/java/CacheTest.java"), Optional.empty(), MONDAY_MORNING))
                        .isEqualTo(new ModeSelector.Mode("hybrid", "ai.mode"));
    }
}
