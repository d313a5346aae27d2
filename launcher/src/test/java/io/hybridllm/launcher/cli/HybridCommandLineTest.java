package io.hybridllm.launcher.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.hybridllm.launcher.Hybrid;
import io.hybridllm.launcher.bench.BenchLoadCommand;
import io.hybridllm.launcher.faults.FaultsCommand;

import picocli.CommandLine;

/** The {@code hybrid} command's parser: help, refusals with exit 2, typed values. */
class HybridCommandLineTest {

    @TempDir
    Path state;

    @Test
    void aloneOrWithHelpItListsEveryCommand() {
        for (String[] args : List.of(new String[0], new String[] { "--help" }, new String[] { "help" })) {
            CommandLines.Run run = CommandLines.run(state, args);
            assertThat(run.exit()).isZero();
            assertThat(run.out()).contains("Usage: hybrid", "up", "bench", "faults", "submit", "dlq", "costs",
                    "kafka-user", "config");
        }
    }

    @Test
    void everyCommandHasItsOwnHelp() {
        for (List<String> command : commands()) {
            List<String> args = new ArrayList<>(command);
            args.add("--help");
            CommandLines.Run run = CommandLines.run(state, args.toArray(String[]::new));
            assertThat(run.exit()).as(String.join(" ", args)).isZero();
            assertThat(run.out()).as(String.join(" ", args)).startsWith("Usage: hybrid " + String.join(" ", command));
        }
        assertThat(CommandLines.run(state, "help", "dlq", "replay").out()).contains("Usage: hybrid dlq replay",
                "--actor=NAME", "--all");
        assertThat(CommandLines.run(state, "bench", "load", "--help").out()).contains("--rates=RATE",
                "(default: 100,500,1000,2000)", "--path=kafka|http|openai");
    }

    /**
     * What commands require, so that the unknown option is the only thing wrong (picocli names a missing one first).
     */
    private static final Map<String, List<String>> REQUIRED = Map.of("topics", List.of("--bootstrap-servers=k:9092"),
            "cost simulate", List.of("--days=1", "--per-day=1", "--mix=mix.toml"), "submit", List.of("in.jsonl"),
            "dlq show", List.of("t:0:1"), "kafka-user", List.of("acme"), "eval routing", List.of("in.jsonl"),
            "eval make-data", List.of("--out=out.jsonl"));

    @Test
    void anUnknownOptionIsRefusedWithExitTwoByEveryCommand() {
        for (List<String> command : commands()) {
            List<String> args = new ArrayList<>(command);
            args.addAll(REQUIRED.getOrDefault(String.join(" ", command), List.of()));
            args.add("--no-such-option");
            CommandLines.Run run = CommandLines.run(state, args.toArray(String[]::new));
            assertThat(run.exit()).as(String.join(" ", args)).isEqualTo(2);
            assertThat(run.err()).as(String.join(" ", args)).contains("'--no-such-option'")
                    .contains("See 'hybrid " + String.join(" ", command) + " --help'.");
        }
    }

    @Test
    void badValuesAndMissingCommandsAreUsageErrors() {
        assertThat(CommandLines.run(state, "nonsense")).satisfies(run -> {
            assertThat(run.exit()).isEqualTo(2);
            assertThat(run.err()).contains("hybrid: Unmatched argument at index 0: 'nonsense'");
        });
        assertThat(CommandLines.run(state, "bench", "--requests=many")).satisfies(run -> {
            assertThat(run.exit()).isEqualTo(2);
            assertThat(run.err()).contains("--requests", "'many'");
        });
        assertThat(CommandLines.run(state, "dlq")).satisfies(run -> {
            assertThat(run.exit()).isEqualTo(2);
            assertThat(run.err()).contains("hybrid: dlq needs a command: list, show, replay");
        });
        assertThat(CommandLines.run(state, "faults", "--seed=1", "--seeds=1..3")).satisfies(run -> {
            assertThat(run.exit()).isEqualTo(2);
            assertThat(run.err()).contains("mutually exclusive");
        });
        assertThat(CommandLines.run(state, "topics").err()).contains("Missing required option: '--bootstrap-servers");
        assertThat(CommandLines.run(state, "costs").err()).contains("whose? --job=ID or --end-user=ID");
        assertThat(CommandLines.run(state, "dlq", "replay").err()).contains("name records, a --reason, or --all");
    }

    @Test
    void anOptionThatWouldHaveNoEffectIsRefusedBeforeAnythingStarts() {
        assertThat(CommandLines.run(state, "up", "--latency=5")).satisfies(run -> {
            assertThat(run.exit()).isEqualTo(2);
            assertThat(run.err()).contains("--latency sets the simulators' latency: it needs --simulate");
        });
        assertThat(CommandLines.run(state, "bench", "load", "--clients=5").err()).contains("--clients", "--peer");
        assertThat(CommandLines.run(state, "bench", "load", "--peer", "--rates=5").err()).contains("--rates",
                "does not apply to --peer");
        assertThat(CommandLines.run(state, "faults", "--requests=9").err())
                .contains("--requests is 9; expected a whole number of at least 10");
    }

    @Test
    void optionsArriveTyped() {
        FaultsCommand faults = (FaultsCommand) CommandLines.parse(state, "faults", "--seeds=1..3", "--requests=600",
                "--rate=50");
        assertThat(faults).extracting("requests", "rate", "seeds.range").containsExactly(600, 50, "1..3");
        BenchLoadCommand load = (BenchLoadCommand) CommandLines.parse(state, "bench", "load", "--path=openai",
                "--rates=5,20,50", "--seconds", "15");
        assertThat(load).extracting("path", "rates", "seconds", "warmUp").containsExactly("openai", List.of(5, 20, 50),
                15, 10);
        assertThatThrownBy(() -> CommandLines.parse(state, "bench", "load", "--rates=5,x"))
                .isInstanceOf(CommandLine.ParameterException.class).hasMessageContaining("'x'");
    }

    /** Every command and subcommand, as the words that name it. */
    private List<List<String>> commands() {
        List<List<String>> all = new ArrayList<>();
        collect(Hybrid.commandLine(new Context(state, state, System.out, System.err)), new ArrayList<>(), all);
        assertThat(all).hasSizeGreaterThan(20);
        return all;
    }

    private static void collect(CommandLine command, List<String> path, List<List<String>> all) {
        command.getSubcommands().forEach((name, sub) -> {
            if (!name.equals("help")) {
                List<String> words = new ArrayList<>(path);
                words.add(name);
                all.add(words);
                collect(sub, words, all);
            }
        });
    }
}
