package io.hybridllm.launcher.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.hybridllm.launcher.cli.CommandLines;

/**
 * {@code hybrid eval routing} end to end against the packaged router: on prompts the fixed formula cannot tell apart
 * (short, no keywords, no code) but whose families decide the labels, the learned scorer must beat random.
 */
class EvalRoutingIT {

    private static final List<String> COUNTRIES = List.of("France", "Japan", "Italy", "Canada", "Egypt", "Spain");
    private static final List<String> TOWNS = List.of("Tartu", "Skagen", "Ballina", "Ourense", "Vaasa", "Kalmar");

    @TempDir
    Path state;

    @Test
    void theLearnedScorerBeatsRandomWhereFamiliesDecide() throws Exception {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            lines.add(new LabelledPrompt("What is the capital of " + COUNTRIES.get(i % 6) + "?", true, true, null)
                    .toJson());
            lines.add(new LabelledPrompt("Who was the postmaster of " + TOWNS.get(i % 6) + " in " + (1900 + i) + "?",
                    false, true, null).toJson());
        }
        Path file = state.resolve("families.jsonl");
        Files.write(file, lines);

        CommandLines.Run run = CommandLines.run(state, "eval", "routing", file.toString(), "--seed=3");

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("30 train, 30 test prompts", "strong share @50%", "fixed formula",
                "prompt length", "decision score (blend)", "Ties in a score are broken by a random order of seed 3");
        assertThat(run.out()).containsPattern("had an opinion on [1-9][0-9]* of the 30 test prompts");
        assertThat(apgr(run.out(), "learned")).isGreaterThan(apgr(run.out(), "random") + 0.1);
    }

    private static double apgr(String out, String scorer) {
        Matcher row = Pattern.compile("(?m)^" + scorer + " +(-?[0-9.]+) ").matcher(out);
        assertThat(row.find()).as(scorer + " row in\n" + out).isTrue();
        return Double.parseDouble(row.group(1));
    }
}
