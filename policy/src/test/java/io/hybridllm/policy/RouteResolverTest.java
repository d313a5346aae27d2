package io.hybridllm.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.hybridllm.contracts.TaskType;
import io.hybridllm.policy.RouteResolver.Depth;

/** The route rules on the built-in policy: its four modes and the seed's four route shapes. */
class RouteResolverTest {

    private final Policy policy = PolicyLoader.load(List.of()).policy();

    private List<String> route(String mode, TaskType type, Depth depth, String preferred) {
        return RouteResolver.resolve(policy, mode, type, depth, preferred).providers().stream()
                .map(Policy.Provider::name).toList();
    }

    @Test
    void depthFollowsTheThresholds() {
        assertThat(RouteResolver.depth(0.1, policy.scoring())).isEqualTo(Depth.QUICK);
        assertThat(RouteResolver.depth(0.45, policy.scoring())).isEqualTo(Depth.NORMAL);
        assertThat(RouteResolver.depth(0.6, policy.scoring())).isEqualTo(Depth.DEEP);
    }

    @Test
    void aChainIsTriedInOrderButADeepRequestGoesToTheCloudFirst() {
        assertThat(route("hybrid", TaskType.REFACTOR, Depth.NORMAL, null)).containsExactly("ollama", "openai");
        assertThat(route("hybrid", TaskType.REFACTOR, Depth.DEEP, null)).containsExactly("openai", "ollama");
        assertThat(RouteResolver.resolve(policy, "hybrid", TaskType.REFACTOR, Depth.DEEP, null).because())
                .isEqualTo("routing.hybrid.refactor, cloud first for a deep request");
    }

    @Test
    void aDepthTableChoosesByDepth() {
        assertThat(route("hybrid", TaskType.REVIEW, Depth.QUICK, null)).containsExactly("ollama");
        assertThat(route("hybrid", TaskType.REVIEW, Depth.NORMAL, null)).containsExactly("ollama", "openai");
        assertThat(route("hybrid", TaskType.REVIEW, Depth.DEEP, null)).containsExactly("openai");
    }

    @Test
    void aCachedRouteTriesItsProviderThenItsFallback() {
        assertThat(route("hybrid", TaskType.SEMANTIC_SEARCH, Depth.DEEP, null)).containsExactly("ollama", "openai");
    }

    @Test
    void aTaskTypeTheModeDoesNotListFollowsTheFallbackChain() {
        assertThat(route("hybrid", TaskType.CLASSIFY, Depth.QUICK, null)).containsExactly("ollama", "openai");
        assertThat(RouteResolver.resolve(policy, "hybrid", TaskType.CLASSIFY, Depth.QUICK, null).because())
                .startsWith("ai.fallback_chain");
    }

    @Test
    void aTaskTypeTheModeDoesNotListGoesToThePrimaryProviderFirst(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("primary.toml"), "[ai]\nprimary_provider = \"openai\"\n");
        PolicyLoader.Loaded loaded = PolicyLoader.load(List.of(file));
        assertThat(loaded.warnings()).as("a key with an effect").isEmpty();
        Policy primary = loaded.policy();

        RouteResolver.Resolution unlisted = RouteResolver.resolve(primary, "hybrid", TaskType.CLASSIFY, Depth.QUICK,
                null);
        assertThat(unlisted.providers()).extracting(Policy.Provider::name).containsExactly("openai", "ollama");
        assertThat(unlisted.because()).isEqualTo(
                "ai.primary_provider openai, then ai.fallback_chain (hybrid lists no" + " route for this task type)");
        // A listed task type keeps its route: the route's first provider is its primary.
        assertThat(RouteResolver.resolve(primary, "hybrid", TaskType.CHAT, Depth.QUICK, null).providers())
                .extracting(Policy.Provider::name).containsExactly("ollama", "openai");
    }

    @Test
    void modesDiffer() {
        assertThat(route("ollama-only", TaskType.REFACTOR, Depth.DEEP, null)).containsExactly("ollama");
        assertThat(route("api-heavy", TaskType.CHAT, Depth.QUICK, null)).containsExactly("openai");
    }

    @Test
    void aPreferredProviderGoesFirstAndDisabledOnesAreDropped(@TempDir Path dir) throws IOException {
        assertThat(route("hybrid", TaskType.CHAT, Depth.QUICK, "openai")).containsExactly("openai", "ollama");
        Path file = Files.writeString(dir.resolve("p.toml"), "[providers.openai]\nenabled = false\n");
        Policy withoutCloud = PolicyLoader.load(List.of(file)).policy();
        assertThat(RouteResolver.resolve(withoutCloud, "hybrid", TaskType.CHAT, Depth.DEEP, null).providers())
                .extracting(Policy.Provider::name).containsExactly("ollama");
    }
}
