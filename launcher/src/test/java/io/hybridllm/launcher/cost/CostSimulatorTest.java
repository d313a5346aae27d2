package io.hybridllm.launcher.cost;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.hybridllm.contracts.TaskType;
import io.hybridllm.contracts.pricing.PriceCatalogue;
import io.hybridllm.policy.Policy;
import io.hybridllm.policy.PolicyLoader;
import io.hybridllm.policy.ReferenceModel;
import io.hybridllm.policy.RouteResolver.Depth;

/**
 * A fixed mix through the built-in policy and catalogue, figures worked out by hand: 10 days x 100 requests, half chat
 * (1,000 in, 500 out) and half review (2,000 in, 1,000 out). The reference is openai/gpt-4o-mini ($0.15 in, $0.60 out
 * per 1M tokens): a chat request $0.00045, a review $0.0009; pure API 500 x 0.00045 + 500 x 0.0009 = $0.675.
 */
class CostSimulatorTest {

    static final String MIX = """
            [assumptions]
            local_call_ms = 1800

            [tasks.chat]
            share = 0.5
            tokens_in = 1000
            tokens_out = 500
            complexity = { quick = 0.6, normal = 0.2, deep = 0.2 }
            escalate_share = 0.25

            [tasks.review]
            share = 0.5
            tokens_in = 2000
            tokens_out = 1000
            complexity = { quick = 0.5, normal = 0.3, deep = 0.2 }
            """;

    private final Policy policy = PolicyLoader.load(List.of()).policy();

    @TempDir
    Path dir;

    private CostSimulator.Result simulate(String mode, PriceCatalogue catalogue) throws IOException {
        Path mix = Files.writeString(dir.resolve("mix.toml"), MIX);
        ReferenceModel reference = ReferenceModel.resolve(Optional.empty(), "--reference", policy, catalogue);
        return new CostSimulator(new CostSimulator.Setup(policy, mode, catalogue, reference), WorkloadMix.read(mix))
                .run(10, 100);
    }

    @Test
    void hybridModeWithFreeLocalModels() throws IOException {
        CostSimulator.Result result = simulate("hybrid", PriceCatalogue.defaults());

        // chat, a chain [ollama, openai]: quick 300 and normal 100 local, a quarter of them (100) escalated to openai;
        // deep 100 go to the cloud first. 200 x 0.00045 = 0.09.
        CostSimulator.TaskResult chat = result.tasks().getFirst();
        assertThat(chat.task().type()).isEqualTo(TaskType.CHAT);
        assertThat(chat.cells())
                .extracting(c -> c.depth() + " " + c.requests().stripTrailingZeros().toPlainString() + " "
                        + c.answeredBy() + " " + c.escalated().stripTrailingZeros().toPlainString())
                .containsExactly("QUICK 300 ollama/llama3.2:1b on local-fast 75",
                        "NORMAL 100 ollama/llama3.1:8b on local-quality 25", "DEEP 100 openai/gpt-4o-mini on cloud 0");
        assertThat(chat.hybridUsd()).isEqualByComparingTo("0.09");
        assertThat(chat.pureApiUsd()).isEqualByComparingTo("0.225");
        // review, by depth: quick ollama, normal [ollama, openai] (no escalation), deep openai: 100 x 0.0009 = 0.09.
        CostSimulator.TaskResult review = result.tasks().get(1);
        assertThat(review.cells()).extracting(CostSimulator.Cell::answeredBy).extracting(Object::toString)
                .containsExactly("ollama/llama3.2:1b on local-fast", "ollama/llama3.1:8b on local-quality",
                        "openai/gpt-4o-mini on cloud");
        assertThat(review.hybridUsd()).isEqualByComparingTo("0.09");

        assertThat(result.pureApiUsd()).isEqualByComparingTo("0.675");
        assertThat(result.hybridUsd()).isEqualByComparingTo("0.18");
        assertThat(result.savingsUsd()).isEqualByComparingTo("0.495");
        assertThat(result.savingsPercent()).isEqualByComparingTo("73.33");
    }

    @Test
    void localCallsPricedByTheGpuHour() throws IOException {
        Path pricing = Files.writeString(dir.resolve("pricing.toml"), """
                version = "gpu-test"

                [providers.ollama]
                pricing_model = "gpu_hour"
                gpu_hour_usd = 0.40
                concurrent_calls = 4

                [providers.openai.models."gpt-4o-mini"]
                input_per_1m = 0.15
                output_per_1m = 0.60
                """);
        CostSimulator.Result result = simulate("hybrid", PriceCatalogue.load(pricing));

        // 800 local calls (chat 300 + 100, review 250 + 150) of 1.8 s at $0.40 an hour shared by 4: $0.00005 each.
        assertThat(result.hybridUsd()).isEqualByComparingTo("0.22");
        assertThat(result.savingsPercent()).isEqualByComparingTo("67.41");
    }

    @Test
    void apiHeavyModeSavesNothingAgainstItsOwnModel() throws IOException {
        CostSimulator.Result result = simulate("api-heavy", PriceCatalogue.defaults());

        assertThat(result.tasks()).flatExtracting(CostSimulator.TaskResult::cells)
                .allSatisfy(cell -> assertThat(cell.answeredBy().provider()).isEqualTo("openai"));
        assertThat(result.hybridUsd()).isEqualByComparingTo(result.pureApiUsd());
        assertThat(result.savingsPercent()).isEqualByComparingTo(BigDecimal.ZERO);
    }

    @Test
    void theCellsFollowTheSameRouteRulesAsTheRouter() throws IOException {
        CostSimulator.Result result = simulate("ollama-only", PriceCatalogue.defaults());

        assertThat(result.tasks()).flatExtracting(CostSimulator.TaskResult::cells)
                .filteredOn(c -> c.depth() == Depth.DEEP)
                .allSatisfy(cell -> assertThat(cell.answeredBy().tier().isLocal()).isTrue());
        assertThat(result.hybridUsd()).isEqualByComparingTo("0");
    }
}
