package io.hybridllm.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.hybridllm.contracts.ProviderKind;
import io.hybridllm.contracts.Tier;

/** What each worker uses per provider, and from where: the policy's keys, a documented override, or a default. */
class WorkerProvidersTest {

    private static final String POLICY = """
            [providers.ollama]
            kind = "ollama"
            max_concurrent_requests = 6
            timeout_ms = 45000
            tier_models = { local-fast = "qwen2.5:0.5b", local-quality = "qwen2.5:7b" }

            [providers.vllm]
            kind = "openai-compatible"
            base_url = "http://gpu-9:8000/v1"
            model = "qwen2.5:14b"

            [providers.claude]
            kind = "anthropic"
            model = "claude-3-5-haiku-20241022"
            api_key_env = "CLAUDE_KEY_1,CLAUDE_KEY_2"
            max_tokens = 1024
            rate_limit_rpm = 300
            rate_limit_tpm = 90000

            [providers.openai]
            enabled = false
            """;

    private static Policy policy() {
        return PolicyLoader.fromText(POLICY, "test").policy();
    }

    private static ProviderUse use(WorkerProviders.Plan plan, String name) {
        return plan.uses().stream().filter(u -> u.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void eachKeyOfThePolicyIsWhatTheWorkerUses() {
        WorkerProviders.Plan plan = WorkerProviders.plan(policy(), Map.of(), WorkerProviders.Defaults.STANDARD);
        ProviderUse claude = use(plan, "claude");
        assertThat(claude.worker()).isEqualTo(ProviderUse.WORKER_CLOUD);
        assertThat(claude.kind()).isEqualTo(ProviderKind.ANTHROPIC);
        assertThat(claude.baseUrl().value()).isEqualTo("https://api.anthropic.com");
        assertThat(claude.baseUrl().from()).isEqualTo("the default of kind anthropic");
        assertThat(claude.keyVariables().value()).containsExactly("CLAUDE_KEY_1", "CLAUDE_KEY_2");
        assertThat(claude.keyVariables().from()).isEqualTo("providers.claude.api_key_env");
        assertThat(claude.maxTokens().value()).isEqualTo(1024);
        assertThat(claude.rateLimitRpm().value()).isEqualTo(300);
        assertThat(claude.rateLimitTpm().value()).isEqualTo(90000);
        assertThat(claude.timeout())
                .isEqualTo(new ProviderUse.Sourced<>(Duration.ofSeconds(120), "the workers' default"));
        assertThat(claude.maxConcurrentRequests().value()).isEqualTo(256);

        ProviderUse ollama = use(plan, "ollama");
        assertThat(ollama.worker()).isEqualTo(ProviderUse.WORKER_LOCAL);
        assertThat(ollama.modelFor(Tier.LOCAL_FAST)).isEqualTo("qwen2.5:0.5b");
        assertThat(ollama.timeout().value()).isEqualTo(Duration.ofSeconds(45));
        assertThat(ollama.hosts()).containsExactly(
                new ProviderUse.Host("ollama", "http://localhost:11434", 6, "the default of kind ollama"));
        assertThat(use(plan, "vllm").modelFor(Tier.LOCAL_QUALITY)).isEqualTo("qwen2.5:14b");
        assertThat(use(plan, "vllm").hosts()).extracting(ProviderUse.Host::url).containsExactly("http://gpu-9:8000/v1");
    }

    @Test
    void aDisabledProviderIsUsedByNoWorkerAndSaysSo() {
        WorkerProviders.Plan plan = WorkerProviders.plan(policy(), Map.of(), WorkerProviders.Defaults.STANDARD);
        // minilm: the built-in policy's in-process embedding model.
        assertThat(plan.uses()).extracting(ProviderUse::name).containsExactly("ollama", "minilm", "vllm", "claude");
        assertThat(plan.of(ProviderUse.WORKER_CLOUD)).extracting(ProviderUse::name).containsExactly("claude");
        assertThat(plan.notes()).contains("providers.openai is disabled (enabled = false): no worker calls it");
    }

    @Test
    void documentedPropertiesOverrideAndOthersAreNamedAsWithoutEffect() {
        Map<String, String> properties = Map.of("hybrid.cloud.providers.claude.base-url", "http://127.0.0.1:9000",
                "hybrid.cloud.providers.bedrock.base-url", "http://nowhere", "hybrid.local.backends.gpu-1.url",
                "http://gpu-1:11434", "hybrid.local.backends.gpu-1.slots", "2", "hybrid.local.backends.gpu-2.url",
                "http://gpu-2:11434", "hybrid.local.backends.tgi.url", "http://tgi",
                "hybrid.local.backends.tgi.provider", "tgi", "hybrid.cloud.providers.claude.timeout", "30s",
                "hybrid.local.backends.gpu-2.kind", "ollama");
        WorkerProviders.Plan plan = WorkerProviders.plan(policy(), properties,
                new WorkerProviders.Defaults(Duration.ofSeconds(120), 256, 4, 3, "ollama-box:11434"));
        ProviderUse claude = use(plan, "claude");
        assertThat(claude.baseUrl()).isEqualTo(
                new ProviderUse.Sourced<>("http://127.0.0.1:9000", "hybrid.cloud.providers.claude.base-url"));
        // Three cloud workers share the limits.
        assertThat(claude.rateLimitRpm()).isEqualTo(
                new ProviderUse.Sourced<>(100, "providers.claude.rate_limit_rpm (300) / hybrid.cloud.instances (3)"));
        assertThat(use(plan, "ollama").hosts()).containsExactly(
                new ProviderUse.Host("gpu-1", "http://gpu-1:11434", 2, "hybrid.local.backends.gpu-1.url"),
                new ProviderUse.Host("gpu-2", "http://gpu-2:11434", 6, "hybrid.local.backends.gpu-2.url"));
        assertThat(plan.notes()).contains(
                "hybrid.cloud.providers.bedrock.base-url has no effect: the policy names no enabled cloud provider"
                        + " bedrock",
                "hybrid.local.backends.tgi has no effect: the policy names no enabled local provider tgi (set"
                        + " hybrid.local.backends.tgi.provider)",
                "hybrid.cloud.providers.claude.timeout has no effect: worker-cloud takes only base-url, api-key,"
                        + " api-version, connect-timeout, health-timeout from its properties; the rest is the policy's"
                        + " [providers.claude] (docs/workers.md)",
                "hybrid.local.backends.gpu-2.kind has no effect: a local host takes only url, provider, slots; the"
                        + " rest is its provider's in the policy (docs/workers.md)");
        assertThat(plan.describe()).contains("claude (anthropic, worker-cloud):",
                "base_url http://127.0.0.1:9000 (hybrid.cloud.providers.claude.base-url)");
    }

    @Test
    void ollamaHostIsWhereTheDefaultOllamaIsWhenThePolicyGivesNoAddress() {
        Policy builtIn = PolicyLoader.load(List.of()).policy();
        WorkerProviders.Plan plan = WorkerProviders.plan(builtIn, Map.of(),
                new WorkerProviders.Defaults(Duration.ofSeconds(120), 256, 4, 1, "http://gpu-7:11434"));
        assertThat(use(plan, "ollama").hosts())
                .containsExactly(new ProviderUse.Host("ollama", "http://gpu-7:11434", 4, "OLLAMA_HOST"));
        assertThat(use(plan, "openai").keyVariables().value()).containsExactly("OPENAI_API_KEY");
    }
}
