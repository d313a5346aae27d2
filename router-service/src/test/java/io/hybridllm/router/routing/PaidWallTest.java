package io.hybridllm.router.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.hybridllm.contracts.ControlEvent;
import io.hybridllm.contracts.LlmRequest;
import io.hybridllm.contracts.RequestHints;
import io.hybridllm.contracts.RoutingDecision;
import io.hybridllm.contracts.Target;
import io.hybridllm.contracts.TaskType;
import io.hybridllm.contracts.Tier;
import io.hybridllm.router.Prompts;
import io.hybridllm.router.ShippedConfig;
import io.hybridllm.router.control.ModeSwitchState;
import io.hybridllm.router.control.TierHealthState;
import io.hybridllm.router.privacy.SensitiveContentDetector;
import io.hybridllm.router.scoring.HeuristicComplexityScorer;

/**
 * The budget wall: in a mode that lists no paid provider, or while the tenant's or the global budget is paused, no way
 * of asking for a provider (hint, named model, task-type fallback, a later tier to escalate to) reaches a paid one, and
 * the decision says why.
 */
class PaidWallTest {

    private final ModeSwitchState switches = new ModeSwitchState();

    private TierRouter router(Path dir, String toml) throws IOException {
        Path policy = Files.writeString(dir.resolve("wall.toml"), toml);
        return new TierRouter(new HeuristicComplexityScorer(ShippedConfig.scoring()),
                new SensitiveContentDetector(ShippedConfig.privacy()), new TierHealthState(Duration.ofSeconds(90)),
                new PolicyInForce(Optional.of(policy.toString())), switches);
    }

    private static LlmRequest request(String tenant, TaskType type, String prompt, String provider,
            Map<String, String> context) {
        LlmRequest request = Prompts.request("r", type, prompt,
                new RequestHints(provider, null, false, null, null, null, context));
        return new LlmRequest(0, "r", tenant, null, type, request.messages(), null, request.hints(), null, null, null,
                null);
    }

    private void pause(String scope, String mode) {
        switches.apply(new ControlEvent.ModeSwitch(1, scope + "-p", scope, mode, true, "monthly budget at 95%",
                Instant.now()));
    }

    private static void assertNoPaidTarget(RoutingDecision decision) {
        assertThat(decision.targets()).extracting(Target::provider).containsOnly("ollama");
        assertThat(decision.targets()).extracting(Target::tier).doesNotContain(Tier.CLOUD);
    }

    @Test
    void aPreferredPaidProviderStaysOutInAModeThatListsNone(@TempDir Path dir) throws IOException {
        RoutingDecision decision = router(dir, "[ai]\nmode = \"ollama-only\"\n")
                .decide(request("acme", TaskType.CHAT, Prompts.SIMPLE, "openai", Map.of()));
        assertNoPaidTarget(decision);
        assertThat(decision.rule())
                .contains("budget wall: mode ollama-only lists no paid provider, no paid provider (not openai)");
    }

    @Test
    void aNamedPaidModelIsRefusedWithTheWallAsTheReason(@TempDir Path dir) throws IOException {
        TierRouter router = router(dir, "[ai]\nmode = \"ollama-only\"\n");
        assertThatThrownBy(() -> router
                .decide(request("acme", TaskType.CHAT, Prompts.SIMPLE, "openai", Map.of("model", "gpt-4o"))))
                        .isInstanceOf(UnroutableException.class).hasMessageContaining("serves the model gpt-4o")
                        .hasMessageContaining("mode ollama-only lists no paid provider")
                        .satisfies(e -> assertThat(((UnroutableException) e).healthMayHelp()).isFalse());
    }

    @Test
    void aTaskTypeTheModeDoesNotListFallsBackToTheLocalPartOfTheChainOnly(@TempDir Path dir) throws IOException {
        RoutingDecision decision = router(dir, """
                [ai]
                mode = "local-only"
                fallback_chain = ["openai", "ollama"]
                [routing.local-only]
                chat = "ollama"
                """).decide(request("acme", TaskType.REVIEW, Prompts.COMPLEX, null, Map.of()));
        assertNoPaidTarget(decision);
        assertThat(decision.rule()).contains("ai.fallback_chain").contains("no paid provider (not openai)");
    }

    @Test
    void aPausedTenantGetsNoPaidTierToEscalateToWhileOthersDo(@TempDir Path dir) throws IOException {
        TierRouter router = router(dir, "");
        pause("tenant:acme", null);
        RoutingDecision paused = router.decide(request("acme", TaskType.REFACTOR, Prompts.COMPLEX, "openai", Map.of()));
        assertNoPaidTarget(paused);
        assertThat(paused.nextTier()).isEmpty();
        assertThat(paused.rule()).contains("budget wall: budget paused (tenant:acme: monthly budget at 95%)");
        RoutingDecision other = router.decide(request("other", TaskType.REFACTOR, Prompts.COMPLEX, null, Map.of()));
        assertThat(other.targets()).extracting(Target::tier).contains(Tier.CLOUD);
    }

    @Test
    void aGlobalPauseHoldsForATenantWhoseOwnSwitchIsNotPaused(@TempDir Path dir) throws IOException {
        TierRouter router = router(dir, "");
        switches.apply(new ControlEvent.ModeSwitch(1, "t", "tenant:acme", "hybrid", false, "own rule", Instant.now()));
        pause("global", null);
        assertNoPaidTarget(router.decide(request("acme", TaskType.REFACTOR, Prompts.COMPLEX, "openai", Map.of())));
    }

    @Test
    void aRouteWithOnlyPaidProvidersKeepsThePausedRequestLocal(@TempDir Path dir) throws IOException {
        TierRouter router = router(dir, "[ai]\nmode = \"api-heavy\"\n");
        pause("global", null);
        RoutingDecision decision = router.decide(request("acme", TaskType.CHAT, Prompts.SIMPLE, null, Map.of()));
        assertNoPaidTarget(decision);
        assertThat(decision.rule()).contains("using the local providers of ai.fallback_chain");
    }
}
