package io.hybridllm.worker.cloud.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

import org.junit.jupiter.api.Test;

import io.hybridllm.worker.core.provider.ProviderBackend;
import io.hybridllm.contracts.ProviderKind;
import io.hybridllm.worker.core.provider.ProviderSettings;

class ProviderBackendsTest {

    private record Provider(Optional<String> kind, Optional<String> baseUrl, Optional<String> apiKey,
            Optional<List<String>> apiKeyEnv, Optional<String> defaultModel, Optional<String> apiVersion,
            int maxInFlight, OptionalInt rateLimitRpm, OptionalInt rateLimitTpm, int maxTokens, Duration timeout,
            Duration connectTimeout, Duration healthTimeout) implements WorkerConfig.Provider {

        static Provider of(String kind, String baseUrl, String apiKey, String apiKeyEnv) {
            return new Provider(Optional.ofNullable(kind), Optional.ofNullable(baseUrl), Optional.ofNullable(apiKey),
                    Optional.ofNullable(apiKeyEnv).map(names -> List.of(names.split(","))), Optional.of("model-1"),
                    Optional.empty(), 256, OptionalInt.empty(), OptionalInt.empty(), 2048, Duration.ofSeconds(30),
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
    }

    private static final Config CONFIG = new Config(Map.of("claude",
            Provider.of("anthropic", null, null, "ANTHROPIC_API_KEY"), "gemini", Provider.of(null, null, " ", null),
            "openrouter", Provider.of("openai-compatible", "https://openrouter.ai/api/v1", "sk-or-1", "IGNORED"), "odd",
            Provider.of(null, null, null, null), "openai",
            Provider.of(null, null, null, "OPENAI_KEY_1, OPENAI_KEY_2")));

    @Test
    void theKeyComesFromTheNamedEnvironmentVariable() {
        ProviderSettings claude = ProviderBackends.settings(CONFIG, "claude",
                Map.of("ANTHROPIC_API_KEY", "sk-ant-env")::get);
        assertThat(claude.kind()).isEqualTo(ProviderKind.ANTHROPIC);
        assertThat(claude.baseUrl()).isEqualTo("https://api.anthropic.com");
        assertThat(claude.keys().current()).hasValueSatisfying(key -> {
            assertThat(key.id()).isEqualTo("ANTHROPIC_API_KEY");
            assertThat(key.secret()).isEqualTo("sk-ant-env");
        });
        assertThat(claude.timeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(claude.maxTokens()).isEqualTo(2048);
        assertThat(claude.defaultModel()).isEqualTo("model-1");
    }

    @Test
    void aConfiguredKeyWinsAndAMissingOneSaysWhereToSetIt() {
        assertThat(ProviderBackends.settings(CONFIG, "openrouter", name -> "from-env").keys().current())
                .hasValueSatisfying(key -> assertThat(key.secret()).isEqualTo("sk-or-1"));
        ProviderBackend gemini = new ProviderBackend(ProviderBackends.settings(CONFIG, "gemini", name -> null));
        assertThat(gemini.kind()).isEqualTo(ProviderKind.GEMINI);
        assertThat(gemini.refusal()).hasValueSatisfying(error -> assertThat(error.message())
                .isEqualTo("no API key configured for gemini: set hybrid.cloud.providers.gemini.api-key"));
    }

    @Test
    void severalVariablesGiveRotatingKeysKnownByTheirVariable() {
        ProviderSettings openai = ProviderBackends.settings(CONFIG, "openai",
                Map.of("OPENAI_KEY_1", "sk-one-1", "OPENAI_KEY_2", "sk-two-2")::get);
        assertThat(openai.keys().current()).hasValueSatisfying(key -> assertThat(key.id()).isEqualTo("OPENAI_KEY_1"));
        openai.keys().refused(openai.keys().current().orElseThrow(), 401);
        assertThat(openai.keys().current()).hasValueSatisfying(key -> {
            assertThat(key.id()).isEqualTo("OPENAI_KEY_2");
            assertThat(key.secret()).isEqualTo("sk-two-2");
        });
        // An unset variable holds no key; the message names every variable.
        ProviderBackend none = new ProviderBackend(ProviderBackends.settings(CONFIG, "openai", name -> null));
        assertThat(none.refusal()).hasValueSatisfying(error -> assertThat(error.message())
                .isEqualTo("no API key configured for openai: set OPENAI_KEY_1, OPENAI_KEY_2"));
    }

    @Test
    void eachInstanceTakesItsShareOfTheLimits() {
        assertThat(ProviderBackends.share(OptionalInt.of(500), 1)).isEqualTo(500);
        assertThat(ProviderBackends.share(OptionalInt.of(500), 3)).isEqualTo(166);
        assertThat(ProviderBackends.share(OptionalInt.of(2), 5)).isEqualTo(1);
        assertThat(ProviderBackends.share(OptionalInt.empty(), 5)).isZero();
    }

    @Test
    void unknownNamesAndKindsAreRefused() {
        assertThatThrownBy(() -> ProviderBackends.settings(CONFIG, "nobody", name -> null))
                .hasMessageStartingWith("no provider nobody under hybrid.cloud.providers");
        assertThatThrownBy(() -> ProviderBackends.settings(CONFIG, "odd", name -> null))
                .hasMessage("provider odd has no known kind: set hybrid.cloud.providers.odd.kind");
    }
}
