package io.hybridllm.launcher.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.hybridllm.contracts.RoutingDecision;
import io.hybridllm.contracts.ScoreFactor;
import io.hybridllm.contracts.Target;
import io.hybridllm.contracts.Tier;
import io.hybridllm.launcher.cli.CommandLines;

/** What {@code eval routing} decides before it starts anything, and how it reads the router's decisions. */
class EvalRoutingCommandTest {

    @TempDir
    Path dir;

    @Test
    void optionsThatCannotWorkAreRefusedBeforeAnythingStarts() {
        Path file = dir.resolve("any.jsonl");
        assertThat(CommandLines.run(dir, "eval", "routing", file.toString(), "--train-share=1").err())
                .contains("--train-share is 1.0; expected a share between 0 and 1");
        assertThat(CommandLines.run(dir, "eval", "routing", file.toString(), "--method=heuristic").err())
                .contains("--method is heuristic; expected learned or blend");
        assertThat(CommandLines.run(dir, "eval", "routing", file.toString(), "--method=learned", "--weight=0.3"))
                .satisfies(run -> {
                    assertThat(run.exit()).isEqualTo(2);
                    assertThat(run.err()).contains("--weight is the learned estimate's share of a blend");
                });
    }

    @Test
    void aSplitWithNothingToTestIsRefused() throws IOException {
        Path file = lines("{\"prompt\": \"a\", \"weak_ok\": false, \"strong_ok\": true}");
        CommandLines.Run run = CommandLines.run(dir, "eval", "routing", file.toString());
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("--train-share 0.5 of 1 lines leaves 1 to train on and 0 to test");
    }

    @Test
    void aPolicyKeyTheRouterWouldRefuseIsAUsageErrorNamingIt() throws IOException {
        Path file = lines("{\"prompt\": \"a\", \"weak_ok\": false, \"strong_ok\": true}",
                "{\"prompt\": \"b\", \"weak_ok\": true, \"strong_ok\": true}");
        CommandLines.Run run = CommandLines.run(dir, "eval", "routing", file.toString(), "--neighbours=0");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("hybrid: the router would refuse its policy", "neighbours");
        assertThat(run.out()).doesNotContain("Starting Kafka");
    }

    @Test
    void withoutAGapItSaysSoAndStopsBeforeStartingAnything() throws IOException {
        String line = "{\"prompt\": \"a\", \"weak_ok\": true, \"strong_ok\": true}";
        CommandLines.Run run = CommandLines.run(dir, "eval", "routing", lines(line, line, line, line).toString());
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out())
                .contains("No gap: the strong tier alone (1.000) does no better than the weak tier alone " + "(1.000)")
                .doesNotContain("Starting Kafka");
        assertThat(run.err()).contains("hybrid: eval routing: no performance gap to recover on the test part");
    }

    @Test
    void theFixedFormulaAndTheLearnedEstimateAreReadFromTheFactors() {
        List<ScoreFactor> heuristic = List.of(new ScoreFactor("length", 0.2, 0.3, ""),
                new ScoreFactor("code", 1.0, 0.1, ""));
        RoutingEval.Explained withOpinion = RoutingEval.Explained
                .of(decision(0.7, concat(heuristic, new ScoreFactor("learned", 0.9, 0.5, "9 of 10 needed the cloud"))));
        assertThat(withOpinion.heuristic()).isCloseTo((0.2 * 0.3 + 0.1) / 0.4, within(1e-9));
        assertThat(withOpinion.learned()).isEqualTo(0.9);
        assertThat(withOpinion.score()).isEqualTo(0.7);
        RoutingEval.Explained without = RoutingEval.Explained
                .of(decision(0.4, concat(heuristic, new ScoreFactor("learned", 0, 0, "1 similar past outcome"))));
        assertThat(without.hasOpinion()).isFalse();
    }

    @Test
    void thePolicyTurnsTheLearnedScorerOnAndWritesOnlyTheKeysGiven() {
        assertThat(new EvalSettings(0.5, 1, "blend", null, null, null, null).policy(300))
                .isEqualTo("[scoring]\nmethod = \"blend\"\n\n[scoring.learned]\nmax_outcomes = 300\n");
        assertThat(new EvalSettings(0.5, 1, "learned", null, 5, 2, 0.6).policy(10))
                .endsWith("max_outcomes = 10\nneighbours = 5\nmin_neighbours = 2\nmin_similarity = 0.6\n");
    }

    private static List<ScoreFactor> concat(List<ScoreFactor> factors, ScoreFactor learned) {
        return Stream.concat(factors.stream(), Stream.of(learned)).toList();
    }

    private static RoutingDecision decision(double score, List<ScoreFactor> factors) {
        return new RoutingDecision(Tier.LOCAL_FAST, List.of(new Target("ollama", "llama3.2:1b")), score, factors,
                "test", "hybrid", "v1", null);
    }

    private Path lines(String... lines) throws IOException {
        Path file = dir.resolve("labels.jsonl");
        Files.write(file, List.of(lines));
        return file;
    }
}
