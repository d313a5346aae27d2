package io.hybridllm.router.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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

/** Seed 001's daemon actions: task types the policy declares, with their routes and tier overrides; no others. */
class TaskTypeRoutingTest {

    private static TierRouter router(Path dir) throws IOException {
        return router(dir, "");
    }

    private static TierRouter router(Path dir, String more) throws IOException {
        Path policy = Files.writeString(dir.resolve("daemon.toml"), """
                [task_types]
                classify_memory = { tier = "local-fast" }
                spawn_daemon = { tier = "cloud" }
                write_memory = {}
                [routing.hybrid]
                write_memory = "ollama"
                """ + more);
        return new TierRouter(new HeuristicComplexityScorer(ShippedConfig.scoring()),
                new SensitiveContentDetector(ShippedConfig.privacy()), new TierHealthState(Duration.ofSeconds(90)),
                new PolicyInForce(Optional.of(policy.toString())), new ModeSwitchState());
    }

    private static RoutingDecision decide(TierRouter router, String type, String prompt) {
        return router.decide(Prompts.request("r", TaskType.of(type), prompt, RequestHints.NONE));
    }

    @Test
    void aDeclaredActionGoesToTheTierItsOverrideNamesEvenWhenItIsSimple(@TempDir Path dir) throws IOException {
        RoutingDecision decision = decide(router(dir), "spawn_daemon", Prompts.SIMPLE);
        assertThat(decision.tier()).isEqualTo(Tier.CLOUD);
        assertThat(decision.rule()).contains("task_types.spawn_daemon: tier cloud");
    }

    @Test
    void aDeclaredActionWithoutAnOverrideFollowsItsRoute(@TempDir Path dir) throws IOException {
        RoutingDecision decision = decide(router(dir), "write_memory", Prompts.COMPLEX);
        assertThat(decision.targets()).extracting(t -> t.provider()).containsOnly("ollama");
        assertThat(decision.rule()).contains("routing.hybrid.write_memory");
    }

    @Test
    void aTaskTypeTheModeHasNoRouteForGoesToThePrimaryProviderBeforeTheFallbackChain(@TempDir Path dir)
            throws IOException {
        // ai.fallback_chain is ollama, openai; the primary provider goes first, and the decision says why.
        RoutingDecision decision = decide(router(dir, "[ai]\nprimary_provider = \"openai\"\n"), "classify",
                Prompts.SIMPLE);
        assertThat(decision.targets()).extracting(t -> t.provider()).startsWith("openai").contains("ollama");
        assertThat(decision.rule()).contains("ai.primary_provider openai, then ai.fallback_chain");
        RoutingDecision auto = decide(router(dir), "classify", Prompts.SIMPLE);
        assertThat(auto.targets()).extracting(t -> t.provider()).startsWith("ollama");
        assertThat(auto.rule()).doesNotContain("primary_provider");
    }

    @Test
    void anUnknownTaskTypeIsRefusedWithTheKnownOnesNotTreatedAsChat(@TempDir Path dir) throws IOException {
        TierRouter router = router(dir);
        assertThatThrownBy(() -> decide(router, "write_poetry", Prompts.SIMPLE)).isInstanceOf(UnroutableException.class)
                .hasMessageContaining("task type 'write_poetry' is not known to policy")
                .hasMessageContaining("known: chat, completion").hasMessageContaining("spawn_daemon, write_memory")
                .satisfies(e -> assertThat(((UnroutableException) e).healthMayHelp()).isFalse());
    }
}
