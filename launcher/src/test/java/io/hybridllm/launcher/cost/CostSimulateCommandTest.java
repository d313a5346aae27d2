package io.hybridllm.launcher.cost;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.hybridllm.launcher.cli.CommandLines;

/** {@code hybrid cost simulate}: its flags, and the report with the assumptions it prints. */
class CostSimulateCommandTest {

    @TempDir
    Path dir;

    private String run(String... args) {
        CommandLines.Run run = CommandLines.run(dir, cost(args));
        assertThat(run.exit()).as(run.err()).isZero();
        return run.out();
    }

    /** What {@code hybrid cost ARGS} printed when it refused them, with exit 2. */
    private String refused(String... args) {
        CommandLines.Run run = CommandLines.run(dir, cost(args));
        assertThat(run.exit()).as(run.out()).isEqualTo(2);
        return run.err();
    }

    private static String[] cost(String... args) {
        List<String> all = new ArrayList<>(List.of("cost"));
        all.addAll(List.of(args));
        return all.toArray(String[]::new);
    }

    private List<String> withPolicy(Path mix, String... more) throws IOException {
        // A policy file over the built-in one, so that this machine's own files do not change the figures.
        Path policy = Files.writeString(dir.resolve("policy.toml"), "[ai]\nmode = \"hybrid\"\n");
        List<String> args = new ArrayList<>(List.of("simulate", "--days", "10", "--per-day=100", "--mix",
                mix.toString(), "--policy", policy.toString()));
        args.addAll(List.of(more));
        return args;
    }

    @Test
    void printsTheAssumptionsAndTheFigures() throws IOException {
        Path mix = Files.writeString(dir.resolve("mix.toml"), CostSimulatorTest.MIX);

        String report = run(withPolicy(mix).toArray(String[]::new));

        assertThat(report).contains("10 days x 100 requests a day = 1000 requests", "mix        " + mix, "mode hybrid",
                "catalogue 2026-11-01 (built-in)",
                "every request on openai/gpt-4o-mini at $0.15 in, $0.6 out per 1M tokens", "ollama: free",
                "    quick         300 -> ollama/llama3.2:1b on local-fast, 75 escalated to openai/gpt-4o-mini on cloud");
        assertThat(report).containsPattern("Pure API +\\$0\\.68\\n").containsPattern("Hybrid +\\$0\\.18\\n")
                .containsPattern("Savings +\\$0\\.50 +\\(73\\.33%\\)");
    }

    @Test
    void aModeAndAReferenceCanBeChosen() throws IOException {
        Path mix = Files.writeString(dir.resolve("mix.toml"), CostSimulatorTest.MIX);

        String report = run(
                withPolicy(mix, "--mode", "api-heavy", "--reference", "openai/gpt-4o").toArray(String[]::new));

        // On gpt-4o ($2.50 in, $10 out) a chat request costs $0.0075 and a review $0.015: 500 of each make $11.25.
        // Every
        // request runs on gpt-4o-mini in api-heavy: $0.675.
        assertThat(report).contains("mode api-heavy", "every request on openai/gpt-4o at $2.5 in, $10 out")
                .containsPattern("Pure API +\\$11\\.25\\n").containsPattern("Hybrid +\\$0\\.68\\n");
    }

    @Test
    void thePolicysOwnPricesOverTheCatalogueAreUsed() throws IOException {
        Path mix = Files.writeString(dir.resolve("mix.toml"), CostSimulatorTest.MIX);
        Path policy = Files.writeString(dir.resolve("priced.toml"), """
                [ai]
                mode = "api-heavy"

                [cost.providers.openai]
                pricing_model = "pay_per_token"
                input_cost_per_1m_tokens = 1.50
                output_cost_per_1m_tokens = 6.00
                """);

        String report = run("simulate", "--days", "10", "--per-day=100", "--mix", mix.toString(), "--policy",
                policy.toString());

        // Ten times the catalogue's gpt-4o-mini prices: the $0.675 of api-heavy becomes $6.75.
        assertThat(report).containsPattern("Hybrid +\\$6\\.75\\n");
    }

    @Test
    void badFlagsAreRefusedWithTheReason() throws IOException {
        Path mix = Files.writeString(dir.resolve("mix.toml"), CostSimulatorTest.MIX);
        assertThat(refused("simulate", "--days", "0", "--per-day", "100", "--mix", mix.toString()))
                .contains("hybrid: --days is 0; expected a whole number from 1 to 1000000");
        assertThat(refused("simulate", "--days", "30", "--per-day", "100"))
                .contains("Missing required option: '--mix=FILE'");
        assertThat(refused("simulate", "--days", "30", "--per-day", "100", "--mix", mix.toString(), "--fast"))
                .contains("Unknown option: '--fast'", "See 'hybrid cost simulate --help'.");
        assertThat(refused("simulate", "--days")).contains("Missing required parameter for option '--days'");
        assertThat(refused("estimate")).contains("Unmatched argument at index 1: 'estimate'");
        assertThat(refused("simulate", "--days", "1", "--per-day", "1", "--mix", dir.resolve("no.toml").toString()))
                .contains("mix file " + dir.resolve("no.toml") + ": no such file");
        assertThat(refused(withPolicy(mix, "--mode", "turbo").toArray(String[]::new)))
                .contains("--mode is 'turbo'; the policy's modes are ollama-only, ollama-heavy, hybrid, api-heavy");
    }

    @Test
    void aLocalProviderPricedByTheHourNeedsTheCallDuration() throws IOException {
        Path mix = Files.writeString(dir.resolve("mix.toml"),
                CostSimulatorTest.MIX.replace("local_call_ms = 1800", ""));
        Path pricing = Files.writeString(dir.resolve("pricing.toml"), """
                version = "gpu"
                [providers.ollama]
                pricing_model = "gpu_hour"
                gpu_hour_usd = 0.40
                [providers.openai.models."gpt-4o-mini"]
                input_per_1m = 0.15
                output_per_1m = 0.60
                """);
        assertThat(refused(withPolicy(mix, "--pricing", pricing.toString()).toArray(String[]::new)))
                .contains("mix file " + mix + ": assumptions.local_call_ms: is missing; ollama is priced by the GPU"
                        + " hour, so a call's duration is needed");
    }
}
