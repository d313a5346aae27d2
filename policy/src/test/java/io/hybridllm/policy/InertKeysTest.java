package io.hybridllm.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The operator's policy holds no key in silence: a key no service follows yet is accepted with a warning naming its
 * file and what it does not do, and a provider no worker can serve is refused.
 */
class InertKeysTest {

    @TempDir
    Path dir;

    @Test
    void theBuiltInPolicyWarnsOfNothing() {
        assertThat(PolicyLoader.load(List.of()).warnings()).isEmpty();
    }

    @Test
    void theSeedsExampleIsRefusedForCopilotAloneWithTheReason() throws IOException {
        Path seed = write("seed.toml", seed());
        assertThatThrownBy(() -> PolicyLoader.load(List.of(seed))).isInstanceOf(PolicyException.class)
                .satisfies(e -> assertThat(((PolicyException) e).problems()).isNotEmpty()
                        .allSatisfy(problem -> assertThat(problem.toString()).contains("copilot"))
                        .extracting(PolicyProblem::toString)
                        .contains(seed + ": providers.copilot: is GitHub Copilot, which has no public API a worker"
                                + " could call: route to a provider of another kind"));
    }

    @Test
    void everyKeyWithoutAnEffectIsNamedWithItsFileAndWhatItDoesNotDo() throws IOException {
        Path seed = write("seed.toml",
                seed().replace("\"copilot\", ", "").replace("\"copilot\"", "\"claude\"")
                        .replaceAll("(?s)\\[providers\\.copilot].*?\\n\\n", "")
                        .replaceAll("(?s)\\[cost\\.providers\\.copilot].*?\\n\\n", "")
                        .replaceAll("(?s)\\[health\\.copilot].*?\\n\\n", ""));
        PolicyLoader.Loaded loaded = PolicyLoader.load(List.of(seed));
        assertThat(loaded.warnings()).allSatisfy(warning -> assertThat(warning.file()).isEqualTo(seed.toString()))
                .extracting(PolicyProblem::key).containsExactlyInAnyOrder("cost.track_usage",
                        "health.auto_disable_on_failure", "health.auto_enable_on_recovery", "health.ollama",
                        "health.claude");
    }

    @Test
    void providerConnectionKeysTakeEffectSoNoneIsWarnedOf() throws IOException {
        Path file = write("providers.toml", """
                [providers.claude]
                kind = "anthropic"
                base_url = "https://claude.example"
                api_key_env = "CLAUDE_KEY_1, CLAUDE_KEY_2"
                timeout_ms = 30000
                max_concurrent_requests = 8
                max_tokens = 1024
                rate_limit_rpm = 50
                rate_limit_tpm = 40000
                """);
        PolicyLoader.Loaded loaded = PolicyLoader.load(List.of(file));
        assertThat(loaded.warnings()).isEmpty();
        Policy.Provider claude = loaded.policy().providers().get("claude");
        assertThat(claude.keyVariables()).containsExactly("CLAUDE_KEY_1", "CLAUDE_KEY_2");
        assertThat(claude.timeout()).hasSeconds(30);
    }

    @Test
    void anApiKeyEnvThatNamesNoVariableIsRefused() throws IOException {
        Path file = write("key.toml", "[providers.openai]\napi_key_env = \"sk-live-123 oops\"\n");
        assertThatThrownBy(() -> PolicyLoader.load(List.of(file))).isInstanceOf(PolicyException.class)
                .hasMessageContaining("providers.openai.api_key_env: must name environment variables");
    }

    @Test
    void githubSignInIsRefusedOnAnyProvider() throws IOException {
        Path file = write("auth.toml", "[providers.openai]\nuse_github_auth = true\n");
        assertThatThrownBy(() -> PolicyLoader.load(List.of(file))).isInstanceOf(PolicyException.class)
                .hasMessageContaining("providers.openai.use_github_auth: is not supported");
    }

    @Test
    void aPrimaryProviderOfAutoIsNoWarning() throws IOException {
        Path file = write("auto.toml", "[ai]\nprimary_provider = \"auto\"\n");
        assertThat(PolicyLoader.load(List.of(file)).warnings()).isEmpty();
    }

    private Path write(String name, String toml) throws IOException {
        return Files.writeString(dir.resolve(name), toml);
    }

    /** The seed's complete example, as the operator would copy it. */
    private static String seed() throws IOException {
        try (InputStream in = InertKeysTest.class.getResourceAsStream("/seed-complete-example.toml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
