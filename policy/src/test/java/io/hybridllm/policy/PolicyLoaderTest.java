package io.hybridllm.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.hybridllm.contracts.TaskType;
import io.hybridllm.contracts.Tier;
import io.hybridllm.policy.Policy.Route;

class PolicyLoaderTest {

    @TempDir
    Path dir;

    private Path file(String name, String toml) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, toml);
        return file;
    }

    @Test
    void theBuiltInPolicyRunsTheSystemWithoutAnyFile() {
        Policy policy = PolicyLoader.load(List.of()).policy();
        assertThat(policy.ai().mode()).isEqualTo("hybrid");
        assertThat(policy.routing()).containsOnlyKeys("ollama-only", "ollama-heavy", "hybrid", "api-heavy");
        assertThat(policy.routing().get("hybrid").get(TaskType.REVIEW)).isInstanceOf(Route.ByDepth.class);
        assertThat(policy.routing().get("hybrid").get(TaskType.SEMANTIC_SEARCH))
                .isEqualTo(new Route.Cached("ollama", "openai", null));
        assertThat(policy.routing().get("hybrid").get(TaskType.CHAT))
                .isEqualTo(new Route.Chain(List.of("ollama", "openai")));
        assertThat(policy.providers().get("ollama").tierModels()).containsEntry(Tier.LOCAL_FAST, "llama3.2:1b");
        assertThat(policy.providers().get("ollama").isLocal()).isTrue();
        assertThat(policy.dynamicSwitching().budgetRules()).extracting(Policy.BudgetRule::atPercent).containsExactly(50,
                80, 95);
        assertThat(policy.version()).startsWith("sha256:");
    }

    @Test
    void layersMergeKeyByKeyHighestLast() throws IOException {
        Path system = file("etc.toml", """
                [ai]
                mode = "ollama-heavy"
                [providers.ollama]
                base_url = "http://gpu-1:11434"
                """);
        Path project = file("hybrid.toml", """
                version = "team-7"
                [ai]
                mode = "api-heavy"
                """);
        PolicyLoader.Loaded loaded = PolicyLoader.load(List.of(system, project));
        assertThat(loaded.policy().ai().mode()).isEqualTo("api-heavy");
        assertThat(loaded.policy().ai().fallbackChain()).containsExactly("ollama", "openai");
        assertThat(loaded.policy().providers().get("ollama").baseUrl()).isEqualTo("http://gpu-1:11434");
        assertThat(loaded.policy().providers().get("ollama").models()).contains("llama3.2:1b");
        assertThat(loaded.policy().version()).isEqualTo("team-7");
        assertThat(loaded.sources()).containsExactly(PolicyLoader.BUILT_IN, system.toString(), project.toString());
        assertThat(loaded.toToml()).contains("api-heavy");
    }

    @Test
    void lookupOrderIsSystemUserProjectThenTheEnvironment() throws IOException {
        Path home = dir.resolve("home");
        Path user = file("home/.config/hybrid/config.toml", "");
        Path project = file("work/hybrid.toml", "");
        Path named = dir.resolve("named.toml");
        List<Path> layers = PolicyLoader.lookup(Map.of(PolicyLoader.ENV, named.toString()), dir.resolve("work"), home);
        assertThat(layers).endsWith(user, project, named);
    }

    @Test
    void everyProblemIsReportedWithFileKeyAndReason() throws IOException {
        Path bad = file("bad.toml", """
                [ai]
                mdoe = "hybrid"
                fallback_chain = ["ollama", "nobody", "ollama"]
                [scoring.thresholds]
                local_fast_below = 0.7
                [providers.claude]
                kind = "anthropic"
                model = "claude-3-5-sonnet-20241022"
                [routing.hybrid]
                poetry = "ollama"
                chat = []
                refactor = ["claude", "ghost"]
                [cost]
                warn_at_percent = 95
                pause_at_percent = 80
                unpriced_models = "free"
                [dynamic_switching.rules]
                at_90_percent_budget = "frugal"
                """);
        assertThatThrownBy(() -> PolicyLoader.load(List.of(bad))).isInstanceOf(PolicyException.class)
                .satisfies(e -> assertThat(((PolicyException) e).problems()).extracting(PolicyProblem::toString)
                        .contains(bad
                                + ": ai.mdoe: is not a known key here; known: fallback_chain, mode, primary_provider",
                                bad + ": ai.fallback_chain: names provider 'nobody', which is not defined",
                                bad + ": ai.fallback_chain: names ollama twice: a chain must not loop",
                                bad + ": scoring.thresholds.local_fast_below: is 0.7, above local_quality_below (0.6):"
                                        + " thresholds must rise from local-fast to local-quality",
                                bad + ": routing.hybrid.chat: is an empty chain; name at least one provider",
                                bad + ": cost.warn_at_percent: is 95, not below pause_at_percent (80)",
                                bad + ": cost.unpriced_models: is 'free', must be most_expensive (count a paid call"
                                        + " the price catalogue does not list at its provider's highest prices) or"
                                        + " refuse (route no request to it while a budget is in force)",
                                bad + ": dynamic_switching.rules.at_90_percent_budget: must name a mode [routing]"
                                        + " defines: ollama-only, ollama-heavy, hybrid, api-heavy")
                        .anySatisfy(p -> assertThat(p).startsWith(bad + ": routing.hybrid.poetry: is not a task type"))
                        .anySatisfy(p -> assertThat(p).startsWith(bad
                                + ": routing.hybrid.refactor: names provider 'ghost', which [providers] does not")));
    }

    @Test
    void unpricedModelsAreEstimatedUnlessTheOperatorRefusesThem() {
        assertThat(PolicyLoader.load(List.of()).policy().cost().unpricedModels())
                .isEqualTo(Policy.UnpricedModels.MOST_EXPENSIVE);
        assertThat(PolicyLoader.fromText("[cost]\nunpriced_models = \"refuse\"\n", "test").policy().cost()
                .unpricedModels()).isEqualTo(Policy.UnpricedModels.REFUSE);
    }

    @Test
    void aPublishedTextLoadsOverTheDefaultAndItsChangesAreNamed() {
        PolicyLoader.Loaded before = PolicyLoader.load(List.of());
        PolicyLoader.Loaded after = PolicyLoader.fromText("version = \"v7\"\n[ai]\nmode = \"ollama-heavy\"\n",
                "published by ops");
        assertThat(after.policy().version()).isEqualTo("v7");
        assertThat(after.sources()).containsExactly(PolicyLoader.BUILT_IN, "published by ops");
        assertThat(PolicyLoader.changedKeys(before, after)).containsExactly("ai.mode");
    }

    @Test
    void brokenTomlNamesTheFileAndLine() throws IOException {
        Path broken = file("broken.toml", "[ai]\nmode = \"hybrid\"\nfallback_chain = [\"ollama\"\n");
        assertThatThrownBy(() -> PolicyLoader.load(List.of(broken)))
                .hasMessageContaining(broken + ": is not valid TOML").hasMessageContaining("line ");
    }

    @Test
    void aNamedFileThatIsMissingIsAnError() {
        Path missing = dir.resolve("missing.toml");
        assertThatThrownBy(() -> PolicyLoader.load(List.of(missing)))
                .hasMessageContaining(missing + ": cannot be read");
    }
}
