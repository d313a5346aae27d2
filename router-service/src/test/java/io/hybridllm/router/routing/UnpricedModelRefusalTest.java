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
import io.hybridllm.policy.PolicyLoader;
import io.hybridllm.router.Prompts;
import io.hybridllm.router.ShippedConfig;
import io.hybridllm.router.control.ModeSwitchState;
import io.hybridllm.router.control.TierHealthState;
import io.hybridllm.router.privacy.SensitiveContentDetector;
import io.hybridllm.router.scoring.HeuristicComplexityScorer;

/** {@code [cost] unpriced_models}: a model the price catalogue does not list is refused, or routed and estimated. */
class UnpricedModelRefusalTest {

    private static TierRouter router(Path dir, String toml) throws IOException {
        return router(policy(dir, toml));
    }

    private static PolicyInForce policy(Path dir, String toml) throws IOException {
        return new PolicyInForce(Optional.of(Files.writeString(dir.resolve("unpriced.toml"), toml).toString()));
    }

    private static TierRouter router(PolicyInForce policy) {
        return new TierRouter(new HeuristicComplexityScorer(ShippedConfig.scoring()),
                new SensitiveContentDetector(ShippedConfig.privacy()), new TierHealthState(Duration.ofSeconds(90)),
                policy, new ModeSwitchState());
    }

    private static RoutingDecision decide(TierRouter router, String model) {
        return decide(router, "openai", model);
    }

    private static RoutingDecision decide(TierRouter router, String provider, String model) {
        return router.decide(Prompts.request("r", TaskType.CHAT, Prompts.SIMPLE,
                new RequestHints(provider, null, false, null, null, null, Map.of("model", model))));
    }

    @Test
    void withRefuseAndABudgetInForceAnUnlistedPaidModelIsRefusedWithTheReason(@TempDir Path dir) throws IOException {
        // The default policy has a monthly budget of $25: a budget is in force.
        TierRouter router = router(dir, "[cost]\nunpriced_models = \"refuse\"\n");
        assertThatThrownBy(() -> decide(router, "gpt-9")).isInstanceOf(UnroutableException.class)
                .hasMessageContaining("cost.unpriced_models = refuse with a budget in force: not openai/gpt-9")
                .satisfies(e -> assertThat(((UnroutableException) e).healthMayHelp()).isFalse());
        assertThat(decide(router, "gpt-4o").targets()).containsExactly(new Target("openai", "gpt-4o", Tier.CLOUD));
    }

    @Test
    void aProviderIsPricedThroughThePolicyAsTheCostServicePricesIt(@TempDir Path dir) throws IOException {
        String claude = """
                [cost]
                unpriced_models = "refuse"
                [providers.claude]
                kind = "anthropic"
                model = "claude-3-5-sonnet-20241022"
                """;
        PolicyInForce policy = policy(dir, claude);
        TierRouter router = router(policy);

        // claude is an anthropic: the catalogue's anthropic prices price its models, and only those.
        assertThat(decide(router, "claude", "claude-3-5-haiku-20241022").targets())
                .containsExactly(new Target("claude", "claude-3-5-haiku-20241022", Tier.CLOUD));
        assertThatThrownBy(() -> decide(router, "claude", "claude-9")).isInstanceOf(UnroutableException.class)
                .hasMessageContaining("not claude/claude-9");

        // [cost.providers.claude] prices every model of claude, from the policy published next.
        policy.replace(PolicyLoader.fromText(claude + """
                [cost.providers.claude]
                input_cost_per_1m_tokens = 3.0
                output_cost_per_1m_tokens = 15.0
                """, "published"));
        assertThat(decide(router, "claude", "claude-9").targets())
                .containsExactly(new Target("claude", "claude-9", Tier.CLOUD));
    }

    @Test
    void byDefaultAnUnlistedPaidModelIsRoutedAndCountedAtTheMostItCouldCost(@TempDir Path dir) throws IOException {
        assertThat(decide(router(dir, ""), "gpt-9").targets())
                .containsExactly(new Target("openai", "gpt-9", Tier.CLOUD));
    }
}
