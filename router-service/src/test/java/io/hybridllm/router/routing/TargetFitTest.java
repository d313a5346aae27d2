package io.hybridllm.router.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.hybridllm.contracts.ChatMessage;
import io.hybridllm.contracts.ContentPart;
import io.hybridllm.contracts.GenerationOptions;
import io.hybridllm.contracts.LlmRequest;
import io.hybridllm.contracts.RequestHints;
import io.hybridllm.contracts.RoutingDecision;
import io.hybridllm.contracts.Target;
import io.hybridllm.contracts.Tier;
import io.hybridllm.contracts.Tool;
import io.hybridllm.contracts.ToolChoice;
import io.hybridllm.router.ShippedConfig;
import io.hybridllm.router.control.ModeSwitchState;
import io.hybridllm.router.control.TierHealthState;
import io.hybridllm.router.privacy.SensitiveContentDetector;
import io.hybridllm.router.scoring.HeuristicComplexityScorer;

/**
 * A target that cannot take what a request uses (tools, images, images by URL) is skipped with the reason in the
 * decision, on its whole path (failover and escalation included); with none left the request fails at once.
 */
class TargetFitTest {

    private static final String POLICY = """
            [providers.ollama]
            kind = "ollama"
            models = ["phi3:mini", "llava:13b"]
            tier_models = { local-fast = "phi3:mini", local-quality = "llava:13b" }
            [routing.hybrid]
            chat = ["ollama", "openai"]
            """;

    private static final GenerationOptions TOOLS = new GenerationOptions(null, null, null, null, null, null, null, null,
            List.of(new Tool("get_weather", null, null, null)), null, null, null);

    @TempDir
    Path dir;

    private TierRouter router() throws IOException {
        Path policy = Files.writeString(dir.resolve("fit.toml"), POLICY);
        return new TierRouter(new HeuristicComplexityScorer(ShippedConfig.scoring()),
                new SensitiveContentDetector(ShippedConfig.privacy()), new TierHealthState(Duration.ofSeconds(90)),
                new PolicyInForce(Optional.of(policy.toString())), new ModeSwitchState());
    }

    private static LlmRequest request(ChatMessage message, GenerationOptions options, boolean sensitive) {
        RequestHints hints = new RequestHints(null, null, sensitive, null, null, null, null);
        return new LlmRequest(0, "r", "acme", null, null, List.of(message), options, hints, null, null, null, null);
    }

    private static ChatMessage image(String url) {
        return ChatMessage
                .userParts(List.of(new ContentPart.Text("What is in this picture?"), new ContentPart.Image(url, null)));
    }

    @Test
    void aRequestWithToolsSkipsTheLocalModelsThatCannotCallThem() throws IOException {
        RoutingDecision decision = router().decide(request(ChatMessage.user("Weather in Paris?"), TOOLS, false));
        assertThat(decision.targets()).containsExactly(new Target("openai", "gpt-4o-mini", Tier.CLOUD));
        assertThat(decision.rule()).contains("skipped ollama/phi3:mini: does not take tools")
                .contains("skipped ollama/llava:13b: does not take tools").endsWith("-> openai/gpt-4o-mini on cloud");
    }

    @Test
    void toolChoiceNoneTakesAnyTarget() throws IOException {
        GenerationOptions none = new GenerationOptions(null, null, null, null, null, null, null, null, TOOLS.tools(),
                new ToolChoice(ToolChoice.Mode.NONE, null), null, null);
        RoutingDecision decision = router().decide(request(ChatMessage.user("Weather in Paris?"), none, false));
        assertThat(decision.targets().getFirst()).isEqualTo(new Target("ollama", "phi3:mini", Tier.LOCAL_FAST));
        assertThat(decision.rule()).doesNotContain("skipped");
    }

    @Test
    void anInlineImageGoesToTheVisionModelAndEscalatesOnlyToTargetsThatTakeImages() throws IOException {
        RoutingDecision decision = router().decide(request(image("data:image/png;base64,iVBORw0KGgo="), null, false));
        assertThat(decision.targets()).containsExactly(new Target("ollama", "llava:13b", Tier.LOCAL_QUALITY),
                new Target("openai", "gpt-4o-mini", Tier.CLOUD));
        assertThat(decision.rule()).contains("skipped ollama/phi3:mini: does not take images");
    }

    @Test
    void anImageByUrlSkipsOllamaWhichTakesOnlyInlineImages() throws IOException {
        RoutingDecision decision = router().decide(request(image("https://example.com/cat.png"), null, false));
        assertThat(decision.targets()).extracting(Target::provider).containsExactly("openai");
        assertThat(decision.rule()).contains("skipped ollama/llava:13b: takes images only inline");
    }

    @Test
    void aRequestNoAllowedTargetCanTakeFailsAtOnceWithTheReason() throws IOException {
        TierRouter router = router();
        assertThatThrownBy(() -> router.decide(request(ChatMessage.user("Weather in Paris?"), TOOLS, true)))
                .isInstanceOfSatisfying(UnroutableException.class, e -> {
                    assertThat(e.getMessage()).startsWith("no target this request may use can take it")
                            .contains("skipped ollama/phi3:mini: does not take tools");
                    assertThat(e.healthMayHelp()).as("nothing coming back would take it").isFalse();
                    assertThat(e.wanted().rule()).contains("privacy: ", "skipped ollama/llava:13b");
                });
    }
}
