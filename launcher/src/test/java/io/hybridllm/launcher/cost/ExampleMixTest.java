package io.hybridllm.launcher.cost;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.hybridllm.launcher.cli.CommandLines;

/** The example mix simulates, and docs/costs.md shows what the command prints for it, so the page cannot drift. */
class ExampleMixTest {

    private static final Path DOCS = Path.of("..", "docs");
    private static final Pattern SAMPLE = Pattern.compile("<!-- output: cost simulate -->\\s*```text\\n(.*?)\\n```",
            Pattern.DOTALL);

    @Test
    void theDocumentedOutputIsWhatTheCommandPrints(@TempDir Path dir) throws IOException {
        // Over the built-in policy only, whatever this machine's own policy files say.
        Path policy = Files.writeString(dir.resolve("policy.toml"), "[ai]\nmode = \"hybrid\"\n");
        CommandLines.Run run = CommandLines.run(dir, "cost", "simulate", "--days", "30", "--per-day", "100", "--mix",
                DOCS.resolve("examples/cost-mix.toml").toString(), "--policy", policy.toString(), "--pricing",
                Path.of("..", "contracts/src/main/resources/io/hybridllm/contracts/pricing/default-pricing.toml")
                        .toString());
        assertThat(run.exit()).as(run.err()).isZero();
        String printed = run.out();

        Matcher sample = SAMPLE.matcher(Files.readString(DOCS.resolve("costs.md")));
        assertThat(sample.find()).as("docs/costs.md has the sample output").isTrue();
        // From the table on: the assumptions above it name this machine's paths.
        assertThat(printed.substring(printed.indexOf("task type")).strip()).isEqualTo(sample.group(1).strip());
        assertThat(printed).contains("Savings          $1.14  (68.37%)");
    }
}
