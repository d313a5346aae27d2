package io.hybridllm.worker.cloud;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.hybridllm.testkit.simulators.AnthropicSimulator;
import io.hybridllm.testkit.simulators.CloudSimulator;
import io.hybridllm.testkit.simulators.CohereSimulator;
import io.hybridllm.testkit.simulators.GeminiSimulator;
import io.hybridllm.testkit.simulators.OpenAiSimulator;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Four providers for a failover chain, each on its own simulator with its own key: anthropic, gemini (1 s timeout in
 * the tests' policy), openai and cohere, with circuits that recover after 2 s. Init args are added to the configuration
 * as they are, so a test can set keys ({@code hybrid.cloud.providers.openai.api-key=""} drops the configured key); the
 * init arg {@code policy} is TOML added to the tests' policy, e.g. a provider's limits.
 */
public class ProviderChainResource implements QuarkusTestResourceLifecycleManager {

    public static final String CLAUDE = "claude-3-5-haiku-20241022";
    public static final String GEMINI = "gemini-1.5-flash";
    public static final String GPT = "gpt-4o-mini";
    public static final String COMMAND = "command-r";
    public static final Map<String, String> KEYS = Map.of("anthropic", "sk-ant-chain-1", "gemini", "AIzaChainKey00001",
            "openai", "sk-chain-openai-1", "cohere", "co-chain-key-1");

    /** Marks the test fields that receive the running simulators, by type. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.FIELD)
    public @interface Simulator {
    }

    private final Map<String, String> extra = new HashMap<>();
    private List<CloudSimulator> simulators = List.of();

    @Override
    public void init(Map<String, String> initArgs) {
        extra.putAll(initArgs);
    }

    @Override
    public Map<String, String> start() {
        Duration latency = Duration.ofMillis(20);
        AnthropicSimulator anthropic = AnthropicSimulator.start(latency, List.of(CLAUDE), KEYS.get("anthropic"));
        GeminiSimulator gemini = GeminiSimulator.start(latency, List.of(GEMINI), KEYS.get("gemini"));
        OpenAiSimulator openai = OpenAiSimulator.start(latency, List.of(GPT), KEYS.get("openai"));
        CohereSimulator cohere = CohereSimulator.start(latency, List.of(COMMAND), KEYS.get("cohere"));
        simulators = List.of(anthropic, gemini, openai, cohere);
        Map<String, String> config = new HashMap<>(Map.of("hybrid.cloud.providers.anthropic.base-url",
                anthropic.baseUrl(), "hybrid.cloud.providers.gemini.base-url", gemini.baseUrl(),
                "hybrid.cloud.providers.openai.base-url", openai.baseUrl() + "/v1",
                "hybrid.cloud.providers.cohere.base-url", cohere.baseUrl(), "hybrid.cloud.circuit.recovery", "2s"));
        KEYS.forEach((provider, key) -> config.put("hybrid.cloud.providers." + provider + ".api-key", key));
        String policy = extra.remove("policy");
        if (policy != null) {
            config.put("hybrid.policy.file", TestPolicy.file(policy));
        }
        config.putAll(extra);
        return config;
    }

    @Override
    public void inject(TestInjector injector) {
        for (CloudSimulator simulator : simulators) {
            injector.injectIntoFields(simulator,
                    new TestInjector.AnnotatedAndMatchesType(Simulator.class, simulator.getClass()));
        }
    }

    @Override
    public void stop() {
        simulators.forEach(CloudSimulator::close);
    }
}
