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
import io.hybridllm.contracts.LlmRequest;
import io.hybridllm.contracts.RoutingDecision;
import io.hybridllm.contracts.Target;
import io.hybridllm.contracts.TaskType;
import io.hybridllm.contracts.Tier;
import io.hybridllm.router.ShippedConfig;
import io.hybridllm.router.control.ModeSwitchState;
import io.hybridllm.router.control.TierHealthState;
import io.hybridllm.router.privacy.SensitiveContentDetector;
import io.hybridllm.router.scoring.HeuristicComplexityScorer;

/** Embed requests follow the policy's embed route, past the providers whose API cannot compute embeddings. */
class EmbedRoutingTest {

    private static final String PROVIDERS = """
            [providers.claude]
            kind = "anthropic"
            model = "claude-3-5-haiku-20241022"
            [providers.openai-embed]
            kind = "openai"
            model = "text-embedding-3-small"
            """;

    private static TierRouter router(Path dir, String policy) throws IOException {
        Path file = Files.writeString(dir.resolve("embed.toml"), policy);
        return new TierRouter(new HeuristicComplexityScorer(ShippedConfig.scoring()),
                new SensitiveContentDetector(ShippedConfig.privacy()), new TierHealthState(Duration.ofSeconds(90)),
                new PolicyInForce(Optional.of(file.toString())), new ModeSwitchState());
    }

    private static LlmRequest embed(String... inputs) {
        return new LlmRequest(0, "e", "t", null, TaskType.EMBED, null, null, null, null, null, null, null,
                List.of(inputs), null);
    }

    @Test
    void theDefaultPolicyEmbedsInProcessOnTheLocalWorkerAndSaysTheScoreIsNotTheReason(@TempDir Path dir)
            throws IOException {
        // A long, code-laden text would score as deep; for vectors that does not matter.
        String hard = "Refactor this distributed consensus algorithm and prove its correctness: ".repeat(20);
        RoutingDecision decision = router(dir, "").decide(embed(hard, "a second text"));
        assertThat(decision.targets()).containsExactly(new Target("minilm", "all-minilm-l6-v2", Tier.LOCAL_FAST));
        assertThat(decision.tier()).isEqualTo(Tier.LOCAL_FAST);
        assertThat(decision.rule()).contains("routing.hybrid.embed")
                .contains("embed: the complexity score does not choose the tier");
    }

    @Test
    void aProviderWithoutAnEmbeddingsApiIsPassedOverWithTheReason(@TempDir Path dir) throws IOException {
        RoutingDecision decision = router(dir, PROVIDERS + """
                [routing.hybrid]
                embed = ["claude", "openai-embed"]
                """).decide(embed("hello"));
        assertThat(decision.targets()).extracting(Target::provider).containsExactly("openai-embed");
        assertThat(decision.targets().getFirst().model()).isEqualTo("text-embedding-3-small");
        assertThat(decision.rule()).contains("passed over claude (anthropic): no embeddings API");
    }

    @Test
    void aRouteWithNothingThatEmbedsFailsAtOnceWithTheReason(@TempDir Path dir) throws IOException {
        TierRouter router = router(dir, PROVIDERS + """
                [routing.hybrid]
                embed = "claude"
                """);
        assertThatThrownBy(() -> router.decide(embed("hello"))).isInstanceOfSatisfying(UnroutableException.class, e -> {
            assertThat(e.getMessage()).contains("can compute embeddings").contains("routing.hybrid.embed");
            assertThat(e.healthMayHelp()).isFalse();
            assertThat(e.wanted().rule()).contains("passed over claude (anthropic)");
        });
    }

    @Test
    void theInProcessModelIsNoCandidateForChat(@TempDir Path dir) throws IOException {
        RoutingDecision decision = router(dir, """
                [routing.hybrid]
                chat = ["minilm", "ollama"]
                """).decide(new LlmRequest(0, "c", "t", null, TaskType.CHAT, List.of(ChatMessage.user("hi")), null,
                null, null, null, null, null));
        assertThat(decision.targets()).extracting(Target::provider).doesNotContain("minilm").contains("ollama");
        assertThat(decision.rule()).contains("passed over minilm (in-process): an embedding model");
    }
}
