package io.hybridllm.worker.cloud;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.hybridllm.testkit.simulators.AnthropicSimulator;
import io.hybridllm.testkit.simulators.CloudSimulator;
import io.hybridllm.testkit.simulators.OpenAiSimulator;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Providers that exist only in the operator's policy, by the operator's names, each on a simulator whose address is the
 * policy's {@code base_url} and whose key is read from the variable its {@code api_key_env} names: {@code claude} (kind
 * anthropic, {@code max_tokens = 77}), {@code slowpoke} (an OpenAI answering in 1.5 s, {@code timeout_ms = 300}),
 * {@code narrow} (an OpenAI answering in 300 ms, {@code max_concurrent_requests = 2}), {@code stingy} (an OpenAI with
 * {@code rate_limit_tpm = 60}, a minute's tokens spent by one request) and {@code grok} ({@code enabled = false}).
 */
public class PolicySimulatorsResource implements QuarkusTestResourceLifecycleManager {

    public static final String CLAUDE_MODEL = "claude-3-5-haiku-20241022";
    public static final String CLAUDE_KEY = "sk-ant-policy-1";
    public static final String OPENAI_KEY = "sk-policy-openai-1";

    /** Marks the test fields that receive the running simulators, by field name: claude, slowpoke, narrow, stingy. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.FIELD)
    public @interface Simulator {
    }

    private AnthropicSimulator claude;
    private List<CloudSimulator> simulators = List.of();

    @Override
    public Map<String, String> start() {
        claude = AnthropicSimulator.start(Duration.ofMillis(20), List.of(CLAUDE_MODEL), CLAUDE_KEY);
        OpenAiSimulator slowpoke = OpenAiSimulator.start(Duration.ofMillis(1500), List.of("gpt-4o-mini"), OPENAI_KEY);
        OpenAiSimulator narrow = OpenAiSimulator.start(Duration.ofMillis(300), List.of("gpt-4o-mini"), OPENAI_KEY);
        OpenAiSimulator stingy = OpenAiSimulator.start(Duration.ofMillis(20), List.of("gpt-4o-mini"), OPENAI_KEY);
        simulators = List.of(claude, slowpoke, narrow, stingy);
        String policy = """
                [providers.claude]
                kind = "anthropic"
                base_url = "%s"
                api_key_env = "CLAUDE_TEST_KEY"
                model = "%s"
                max_tokens = 77

                [providers.slowpoke]
                kind = "openai"
                base_url = "%s/v1"
                api_key_env = "POLICY_OPENAI_KEY"
                model = "gpt-4o-mini"
                timeout_ms = 300

                [providers.narrow]
                kind = "openai"
                base_url = "%s/v1"
                api_key_env = "POLICY_OPENAI_KEY"
                model = "gpt-4o-mini"
                max_concurrent_requests = 2

                [providers.stingy]
                kind = "openai"
                base_url = "%s/v1"
                api_key_env = "POLICY_OPENAI_KEY"
                model = "gpt-4o-mini"
                rate_limit_tpm = 60

                [providers.grok]
                kind = "xai"
                enabled = false
                """.formatted(claude.baseUrl(), CLAUDE_MODEL, slowpoke.baseUrl(), narrow.baseUrl(), stingy.baseUrl());
        return Map.of("hybrid.policy.file", TestPolicy.write(policy), "CLAUDE_TEST_KEY", CLAUDE_KEY,
                "POLICY_OPENAI_KEY", OPENAI_KEY, "hybrid.cloud.circuit.failure-threshold", "1000",
                "hybrid.worker.retry.max-retries", "0", "hybrid.cloud.rate-limit-max-wait", "2s");
    }

    @Override
    public void inject(TestInjector injector) {
        String[] names = { "claude", "slowpoke", "narrow", "stingy" };
        for (int i = 0; i < names.length; i++) {
            String name = names[i];
            CloudSimulator simulator = simulators.get(i);
            injector.injectIntoFields(simulator, field -> field.isAnnotationPresent(Simulator.class)
                    && field.getName().equals(name) && field.getType().isInstance(simulator));
        }
    }

    @Override
    public void stop() {
        simulators.forEach(CloudSimulator::close);
    }
}
