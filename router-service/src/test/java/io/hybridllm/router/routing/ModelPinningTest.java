package io.hybridllm.router.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.hybridllm.contracts.RequestHints;
import io.hybridllm.contracts.RoutingDecision;
import io.hybridllm.contracts.Target;
import io.hybridllm.contracts.TaskType;
import io.hybridllm.contracts.Tier;
import io.hybridllm.router.Prompts;
import io.hybridllm.router.ShippedConfig;
import io.hybridllm.router.control.ModeSwitchState;
import io.hybridllm.router.control.TierHealthState;
import io.hybridllm.router.privacy.SensitiveContentDetector;
import io.hybridllm.router.scoring.HeuristicComplexityScorer;

/**
 * A request naming a concrete model, as the OpenAI API's {@code model} does (ingest turns {@code "gpt-4o"} into the
 * provider hint openai and {@code hints.context.model}), gets that model or a clear refusal, never another model.
 */
class ModelPinningTest {

    private static TierRouter router(Optional<String> policy) {
        return new TierRouter(new HeuristicComplexityScorer(ShippedConfig.scoring()),
                new SensitiveContentDetector(ShippedConfig.privacy()), new TierHealthState(Duration.ofSeconds(90)),
                new PolicyInForce(policy), new ModeSwitchState());
    }

    private static RoutingDecision decide(TierRouter router, String provider, String model, boolean sensitive) {
        return router.decide(Prompts.request("r", TaskType.CHAT, Prompts.SIMPLE,
                new RequestHints(provider, null, sensitive, null, null, null, Map.of("model", model))));
    }

    @Test
    void aChatCompletionForGpt4oIsRoutedToGpt4oOnOpenAi() {
        RoutingDecision decision = decide(router(Optional.empty()), "openai", "gpt-4o", false);
        assertThat(decision.tier()).isEqualTo(Tier.CLOUD);
        assertThat(decision.targets()).containsExactly(new Target("openai", "gpt-4o", Tier.CLOUD));
        assertThat(decision.rule())
                .contains("model gpt-4o as the request names it (hints.context.model): openai on cloud")
                .contains("not ollama/llama3.2:1b").endsWith("-> openai/gpt-4o on cloud");
    }

    @Test
    void aLocalModelGoesToTheTierThatServesIt() {
        RoutingDecision decision = decide(router(Optional.empty()), "ollama", "llama3.1:8b", false);
        assertThat(decision.targets()).containsExactly(new Target("ollama", "llama3.1:8b", Tier.LOCAL_QUALITY));
    }

    @Test
    void failoverStaysAmongProvidersThatDeclareTheSameModel(@TempDir Path dir) throws IOException {
        Path policy = Files.writeString(dir.resolve("pin.toml"), """
                [providers.azure]
                kind = "azure-openai"
                base_url = "https://example.openai.azure.com"
                api_key_env = "AZURE_OPENAI_API_KEY"
                models = ["gpt-4o", "gpt-4o-mini"]
                [providers.anthropic]
                kind = "anthropic"
                api_key_env = "ANTHROPIC_API_KEY"
                model = "claude-sonnet-4"
                [routing.hybrid]
                chat = ["ollama", "anthropic", "azure", "openai"]
                """);
        RoutingDecision decision = decide(router(Optional.of(policy.toString())), "openai", "gpt-4o", false);
        assertThat(decision.targets()).extracting(Target::provider).containsExactly("openai", "azure");
        assertThat(decision.targets()).extracting(Target::model).containsOnly("gpt-4o");
    }

    @Test
    void aModelNoProviderServesIsRefusedWithTheReasonAndNotHeld() {
        TierRouter router = router(Optional.empty());
        assertThatThrownBy(() -> decide(router, null, "mystery-model", false))
                .isInstanceOfSatisfying(UnroutableException.class, e -> {
                    assertThat(e.getMessage())
                            .startsWith("no enabled provider this request may use serves the model mystery-model");
                    assertThat(e.healthMayHelp()).isFalse();
                });
    }

    @Test
    void aSensitiveRequestIsNotSentToTheCloudForTheModelItNames() {
        TierRouter router = router(Optional.empty());
        assertThatThrownBy(() -> decide(router, "openai", "gpt-4o", true)).isInstanceOf(UnroutableException.class)
                .hasMessageContaining("serves the model gpt-4o").hasMessageContaining("cloud not allowed");
    }
}
