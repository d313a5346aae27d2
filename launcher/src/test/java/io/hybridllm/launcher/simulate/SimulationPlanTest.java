package io.hybridllm.launcher.simulate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.hybridllm.contracts.ProviderKind;
import io.hybridllm.launcher.simulate.SimulationPlan.Planned;
import io.hybridllm.launcher.simulate.SimulationPlan.Simulator;
import io.hybridllm.policy.Policy;
import io.hybridllm.policy.PolicyLoader;

class SimulationPlanTest {

    private static final Path EXAMPLES = Path.of(System.getProperty("hybrid.home", "..")).resolve("docs/examples");

    /** An example as the services load it: merged over the built-in default. */
    private static Policy example(String mode) {
        return PolicyLoader.load(List.of(EXAMPLES.resolve(mode + ".toml"))).policy();
    }

    private static Map<String, Planned> byName(List<Planned> plan) {
        return plan.stream().collect(Collectors.toMap(Planned::provider, Function.identity()));
    }

    @ParameterizedTest
    @ValueSource(strings = { "ollama-heavy", "api-heavy", "hybrid" })
    void everyProviderOfAnExampleGetsASimulatorOfItsKindServingEveryModelTheRouterMayName(String mode) {
        Policy policy = example(mode);
        Map<String, Planned> plan = byName(SimulationPlan.plan(policy));

        // An in-process provider runs inside the worker: nothing to simulate.
        List<Policy.Provider> simulated = policy.providers().values().stream()
                .filter(provider -> provider.kind() != ProviderKind.IN_PROCESS).toList();
        assertThat(plan.keySet())
                .containsExactlyInAnyOrderElementsOf(simulated.stream().map(Policy.Provider::name).toList());
        simulated.forEach(provider -> {
            Planned planned = plan.get(provider.name());
            assertThat(planned.kind()).isEqualTo(provider.kind());
            assertThat(planned.enabled()).isEqualTo(provider.enabled());
            assertThat(planned.simulator()).isEqualTo(SimulationPlan.simulatorFor(provider.kind()));
            assertThat(planned.models()).containsAll(provider.tierModels().values()).containsAll(provider.models());
            if (provider.model() != null) {
                assertThat(planned.models()).contains(provider.model());
            }
        });
    }

    @Test
    void theHybridExampleIsSimulatedAsOllamaAnthropicAndTwoOpenAiSpeakers() {
        Map<String, Planned> plan = byName(SimulationPlan.plan(example("hybrid")));

        assertThat(plan.get("ollama").simulator()).isEqualTo(Simulator.OLLAMA);
        assertThat(plan.get("ollama").models()).contains("mistral:7b", "codellama:13b");
        assertThat(plan.get("claude").simulator()).isEqualTo(Simulator.ANTHROPIC);
        assertThat(plan.get("claude").models()).contains("claude-3-5-sonnet-20241022");
        assertThat(plan.get("claude").keyVariables()).containsExactly("ANTHROPIC_API_KEY");
        assertThat(plan.get("copilot").simulator()).isEqualTo(Simulator.OPENAI);
        assertThat(plan.get("copilot").keyVariables()).containsExactly("COPILOT_GATEWAY_TOKEN");
        assertThat(plan.get("openai").simulator()).isEqualTo(Simulator.OPENAI);
        // Disabled in the file, simulated all the same: a live change may enable them.
        assertThat(plan.get("gpt4").enabled()).isFalse();
        assertThat(plan.get("grok").simulator()).isEqualTo(Simulator.OPENAI);
        assertThat(plan.get("grok").kind()).isEqualTo(ProviderKind.XAI);
    }

    @Test
    void theApiHeavyExampleSimulatesClaudeCopilotGpt4AndOllama() {
        Map<String, Planned> plan = byName(SimulationPlan.plan(example("api-heavy")));

        assertThat(plan.values()).filteredOn(Planned::enabled).extracting(Planned::provider)
                .containsExactlyInAnyOrder("claude", "copilot", "gpt4", "ollama", "openai");
        assertThat(plan.get("gpt4").models()).contains("gpt-4-turbo-2024-04-09");
        assertThat(plan.get("gpt4").keyVariables()).containsExactly("OPENAI_API_KEY");
        assertThat(plan.get("claude").simulator()).isEqualTo(Simulator.ANTHROPIC);
    }

    @Test
    void theOllamaHeavyExampleSimulatesOllamaClaudeAndCopilot() {
        Map<String, Planned> plan = byName(SimulationPlan.plan(example("ollama-heavy")));

        assertThat(plan.get("ollama").models()).contains("codellama:13b", "mistral:7b", "llama3:8b");
        assertThat(plan.get("claude").simulator()).isEqualTo(Simulator.ANTHROPIC);
        assertThat(plan.get("copilot").simulator()).isEqualTo(Simulator.OPENAI);
    }

    @Test
    void eachKindHasTheSimulatorOfItsWireFormat(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("all.toml"), """
                [providers.azure]
                kind = "azure-openai"
                base_url = "https://example.openai.azure.com"
                model = "gpt-4o"
                [providers.gemini]
                model = "gemini-1.5-flash"
                [providers.command]
                kind = "cohere"
                model = "command-r"
                [providers.mistral]
                api_key_env = "MISTRAL_KEY_A, MISTRAL_KEY_B"
                [providers.vllm]
                kind = "openai-compatible"
                base_url = "http://gpu-1:8000/v1"
                model = "qwen2.5:7b"
                """);
        Map<String, Planned> plan = byName(SimulationPlan.plan(PolicyLoader.load(List.of(file)).policy()));

        assertThat(plan.get("azure").simulator()).isEqualTo(Simulator.AZURE_OPENAI);
        assertThat(plan.get("gemini").simulator()).isEqualTo(Simulator.GEMINI);
        assertThat(plan.get("command").simulator()).isEqualTo(Simulator.COHERE);
        assertThat(plan.get("command").keyVariables()).containsExactly("COHERE_API_KEY");
        assertThat(plan.get("mistral").simulator()).isEqualTo(Simulator.OPENAI);
        assertThat(plan.get("mistral").keyVariables()).containsExactly("MISTRAL_KEY_A", "MISTRAL_KEY_B");
        // The catalogue's models of the kind, for a provider that names none.
        assertThat(plan.get("mistral").models()).contains("mistral-large-latest");
        assertThat(plan.get("vllm").simulator()).isEqualTo(Simulator.OPENAI);
        assertThat(plan.get("vllm").keyVariables()).isEmpty();
        assertThat(plan.get("vllm").baseUrl("http://localhost:1")).isEqualTo("http://localhost:1/v1");
        assertThat(plan.get("command").baseUrl("http://localhost:1")).isEqualTo("http://localhost:1");
    }

    @Test
    void thePolicyIsTheOneTheServicesLoadWithTheirPolicyFileOnTop(@TempDir Path dir) throws IOException {
        Path named = Files.writeString(dir.resolve("named.toml"), "[providers.claude]\nmodel = \"claude-x\"\n");
        Path top = Files.writeString(dir.resolve("top.toml"), "[providers.claude]\nenabled = false\n");
        Files.writeString(dir.resolve("hybrid.toml"), "[providers.gemini]\nenabled = true\n");

        Policy policy = SimulationPlan.policyOf(
                Map.of(PolicyLoader.ENV, named.toString(), SimulationPlan.POLICY_FILE_VARIABLE, top.toString()), dir,
                dir.resolve("home"));

        assertThat(policy.providers()).containsKeys("ollama", "openai", "gemini", "claude");
        assertThat(policy.providers().get("claude").model()).isEqualTo("claude-x");
        assertThat(policy.providers().get("claude").enabled()).isFalse();
    }

    @Test
    void anInvalidPolicyStopsTheLaunchWithEveryProblem(@TempDir Path dir) throws IOException {
        Path bad = Files.writeString(dir.resolve("bad.toml"), "[providers.copilot]\nuse_github_auth = true\n");

        assertThatThrownBy(() -> SimulationPlan.policyOf(Map.of(PolicyLoader.ENV, bad.toString()), dir, dir))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("./hybrid config check")
                .hasMessageContaining("GitHub Copilot");
    }

    @Test
    void aProviderNameTheWorkersOverridesCannotCarryIsRefused(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("dotted.toml"), "[providers.\"team.gateway\"]\nkind = \"openai\"\n");
        Policy policy = PolicyLoader.load(List.of(file)).policy();

        assertThatThrownBy(() -> SimulationPlan.plan(policy)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("provider 'team.gateway'").hasMessageContaining("without one");
    }
}
