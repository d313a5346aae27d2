package io.hybridllm.worker.cloud.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.hybridllm.worker.core.provider.ProviderBackend;
import io.hybridllm.worker.core.provider.ProviderKind;
import io.hybridllm.worker.core.provider.ProviderSettings;

class ProviderBackendsTest {

    private record Provider(Optional<String> kind, Optional<String> baseUrl, Optional<String> apiKey,
            Optional<String> apiKeyEnv, Optional<String> defaultModel, Optional<String> apiVersion, int maxInFlight,
            int maxTokens, Duration timeout, Duration connectTimeout, Duration healthTimeout)
            implements WorkerConfig.Provider {

        static Provider of(String kind, String baseUrl, String apiKey, String apiKeyEnv) {
            return new Provider(Optional.ofNullable(kind), Optional.ofNullable(baseUrl), Optional.ofNullable(apiKey),
                    Optional.ofNullable(apiKeyEnv), Optional.of("model-1"), Optional.empty(), 256, 2048,
                    Duration.ofSeconds(30), Duration.ofSeconds(2), Duration.ofSeconds(3));
        }
    }

    private record Config(Map<String, WorkerConfig.Provider> providers) implements WorkerConfig {
    }

    private static final Config CONFIG = new Config(Map.of("claude",
            Provider.of("anthropic", null, null, "ANTHROPIC_API_KEY"), "gemini", Provider.of(null, null, " ", null),
            "openrouter", Provider.of("openai-compatible", "https://openrouter.ai/api/v1", "sk-or-1", "IGNORED"), "odd",
            Provider.of(null, null, null, null)));

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
    void unknownNamesAndKindsAreRefused() {
        assertThatThrownBy(() -> ProviderBackends.settings(CONFIG, "nobody", name -> null))
                .hasMessageStartingWith("no provider nobody under hybrid.cloud.providers");
        assertThatThrownBy(() -> ProviderBackends.settings(CONFIG, "odd", name -> null))
                .hasMessage("provider odd has no known kind: set hybrid.cloud.providers.odd.kind");
    }
}
