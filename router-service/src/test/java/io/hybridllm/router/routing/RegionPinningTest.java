package io.hybridllm.router.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.hybridllm.contracts.RequestHints;
import io.hybridllm.contracts.RoutingDecision;
import io.hybridllm.contracts.TaskType;
import io.hybridllm.contracts.Tier;
import io.hybridllm.router.Prompts;
import io.hybridllm.router.ShippedConfig;
import io.hybridllm.router.control.ModeSwitchState;
import io.hybridllm.router.control.TierHealthState;
import io.hybridllm.router.privacy.SensitiveContentDetector;
import io.hybridllm.router.scoring.HeuristicComplexityScorer;

/**
 * A request pinned to a region only goes to providers declared in it; local ones without a region count as anywhere.
 */
class RegionPinningTest {

    private static TierRouter router(Path dir) throws IOException {
        Path policy = Files.writeString(dir.resolve("regions.toml"), """
                [providers.openai]
                region = "us"
                [providers.mistral]
                kind = "mistral"
                api_key_env = "MISTRAL_API_KEY"
                model = "mistral-large-latest"
                region = "eu"
                [routing.hybrid]
                refactor = ["ollama", "openai", "mistral"]
                chat = ["openai", "mistral"]
                """);
        return new TierRouter(new HeuristicComplexityScorer(ShippedConfig.scoring()),
                new SensitiveContentDetector(ShippedConfig.privacy()), new TierHealthState(Duration.ofSeconds(90)),
                new PolicyInForce(Optional.of(policy.toString())), new ModeSwitchState());
    }

    private static RoutingDecision decide(TierRouter router, TaskType type, String prompt, String region) {
        return router.decide(
                Prompts.request("r", type, prompt, new RequestHints(null, null, false, region, null, null, Map.of())));
    }

    @Test
    void aDeepRequestPinnedToTheEuGoesToTheEuCloudProvider(@TempDir Path dir) throws IOException {
        RoutingDecision decision = decide(router(dir), TaskType.REFACTOR, Prompts.COMPLEX, "eu");
        assertThat(decision.tier()).isEqualTo(Tier.CLOUD);
        assertThat(decision.targets()).extracting(t -> t.provider()).containsExactly("mistral", "ollama");
        assertThat(decision.rule()).contains("region eu: only providers there");
    }

    @Test
    void withoutAPinTheRouteIsTakenAsWritten(@TempDir Path dir) throws IOException {
        RoutingDecision decision = decide(router(dir), TaskType.REFACTOR, Prompts.COMPLEX, null);
        assertThat(decision.targets()).extracting(t -> t.provider()).containsExactly("openai", "mistral", "ollama");
    }

    @Test
    void aRegionNoProviderOnTheRouteServesIsRefusedWithTheReason(@TempDir Path dir) throws IOException {
        TierRouter router = router(dir);
        assertThatThrownBy(() -> decide(router, TaskType.CHAT, Prompts.SIMPLE, "apac"))
                .isInstanceOf(UnroutableException.class)
                .hasMessageContaining("no enabled provider is left to try (a region pin or the route allows none)");
    }
}
