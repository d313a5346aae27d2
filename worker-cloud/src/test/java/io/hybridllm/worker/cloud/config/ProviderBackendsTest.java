package io.hybridllm.worker.cloud.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.hybridllm.contracts.ProviderKind;
import io.hybridllm.policy.PolicyLoader;
import io.hybridllm.policy.ProviderUse;
import io.hybridllm.policy.WorkerProviders;
import io.hybridllm.worker.core.provider.ProviderBackend;
import io.hybridllm.worker.core.provider.ProviderSettings;

/** A cloud provider's settings: the policy's values, with worker-cloud's few documented overrides. */
class ProviderBackendsTest {

    private record Provider(Optional<String> baseUrl, Optional<String> apiKey, Optional<String> apiVersion,
            Duration connectTimeout, Duration healthTimeout) implements WorkerConfig.Provider {

        static Provider of(String baseUrl, String apiKey) {
            return new Provider(Optional.ofNullable(baseUrl), Optional.ofNullable(apiKey), Optional.of("2023-06-01"),
                    Duration.ofSeconds(2), Duration.ofSeconds(3));
        }
    }

    private record Config(Map<String, WorkerConfig.Provider> providers) implements WorkerConfig {

        @Override
        public int instances() {
            return 1;
        }

        @Override
        public Duration rateLimitMaxWait() {
            return Duration.ofSeconds(60);
        }

        @Override
        public Circuit circuit() {
            throw new UnsupportedOperationException("not needed for settings");
        }

        @Override
        public Credentials credentials() {
            throw new UnsupportedOperationException("not needed for settings");
        }

        @Override
        public int maxInFlight() {
            return 256;
        }

        @Override
        public Duration timeout() {
            return Duration.ofSeconds(120);
        }
    }

    private static final String POLICY = """
            [providers.claude]
            kind = "anthropic"
            model = "claude-3-5-haiku-20241022"
            api_key_env = "CLAUDE_KEY"
            timeout_ms = 30000
            max_tokens = 2048

            [providers.gemini]
            kind = "gemini"

            [providers.openai]
            api_key_env = "OPENAI_KEY_1, OPENAI_KEY_2"
            """;

    private static final Config CONFIG = new Config(
            Map.of("claude", Provider.of(null, null), "gemini", Provider.of(null, " ")));

    private static ProviderUse use(String name) {
        return WorkerProviders
                .plan(PolicyLoader.fromText(POLICY, "test").policy(), Map.of(), WorkerProviders.Defaults.STANDARD)
                .uses().stream().filter(u -> u.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void thePolicysValuesAreTheSettingsAndTheKeyComesFromItsVariable() {
        ProviderSettings claude = ProviderBackends.settings(CONFIG, use("claude"),
                Map.of("CLAUDE_KEY", "sk-ant-env")::get);
        assertThat(claude.name()).isEqualTo("claude");
        assertThat(claude.kind()).isEqualTo(ProviderKind.ANTHROPIC);
        assertThat(claude.keys().current()).hasValueSatisfying(key -> {
            assertThat(key.id()).isEqualTo("CLAUDE_KEY");
            assertThat(key.secret()).isEqualTo("sk-ant-env");
        });
        assertThat(claude.timeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(claude.maxTokens()).isEqualTo(2048);
        assertThat(claude.answerTokens(null)).isEqualTo(2048);
        assertThat(claude.answerTokens(8000)).isEqualTo(2048);
        assertThat(claude.answerTokens(100)).isEqualTo(100);
        assertThat(claude.defaultModel()).isEqualTo("claude-3-5-haiku-20241022");
        // What the policy cannot know comes from the worker's own properties.
        assertThat(claude.connectTimeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(claude.healthTimeout()).isEqualTo(Duration.ofSeconds(3));
        assertThat(claude.apiVersion()).isEqualTo("2023-06-01");
    }

    @Test
    void withoutAnApiKeyEnvTheKindsVariableIsReadAndAMissingKeySaysWhichToSet() {
        ProviderSettings gemini = ProviderBackends.settings(CONFIG, use("gemini"), name -> null);
        assertThat(gemini.baseUrl()).isEqualTo("https://generativelanguage.googleapis.com");
        assertThat(gemini.answerTokens(null)).isNull();
        assertThat(new ProviderBackend(gemini).refusal()).hasValueSatisfying(
                error -> assertThat(error.message()).isEqualTo("no API key configured for gemini: set GEMINI_API_KEY"));
        assertThat(ProviderBackends.settings(CONFIG, use("gemini"), Map.of("GEMINI_API_KEY", "AIza-env")::get).keys()
                .current()).hasValueSatisfying(key -> assertThat(key.id()).isEqualTo("GEMINI_API_KEY"));
    }

    @Test
    void aFixedKeyPropertyWinsForTests() {
        Config fixed = new Config(Map.of("claude", Provider.of(null, "sk-fixed-1")));
        assertThat(ProviderBackends.settings(fixed, use("claude"), name -> "from-env").keys().current())
                .hasValueSatisfying(key -> {
                    assertThat(key.secret()).isEqualTo("sk-fixed-1");
                    assertThat(key.id()).isEqualTo("hybrid.cloud.providers.claude.api-key");
                });
    }

    @Test
    void severalVariablesGiveRotatingKeysKnownByTheirVariable() {
        ProviderSettings openai = ProviderBackends.settings(CONFIG, use("openai"),
                Map.of("OPENAI_KEY_1", "sk-one-1", "OPENAI_KEY_2", "sk-two-2")::get);
        assertThat(openai.keys().current()).hasValueSatisfying(key -> assertThat(key.id()).isEqualTo("OPENAI_KEY_1"));
        openai.keys().refused(openai.keys().current().orElseThrow(), 401);
        assertThat(openai.keys().current()).hasValueSatisfying(key -> {
            assertThat(key.id()).isEqualTo("OPENAI_KEY_2");
            assertThat(key.secret()).isEqualTo("sk-two-2");
        });
        // An unset variable holds no key; the message names every variable.
        ProviderBackend none = new ProviderBackend(ProviderBackends.settings(CONFIG, use("openai"), name -> null));
        assertThat(none.refusal()).hasValueSatisfying(error -> assertThat(error.message())
                .isEqualTo("no API key configured for openai: set OPENAI_KEY_1, OPENAI_KEY_2"));
    }
}
