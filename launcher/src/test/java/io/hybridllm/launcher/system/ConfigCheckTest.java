package io.hybridllm.launcher.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ConfigCheckTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int check(Path file) {
        return ConfigCheck.run(List.of(file.toString()), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void aValidFilePrintsTheEffectiveMergedPolicy(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("hybrid.toml"), "version = \"ops-3\"\n[ai]\nmode = \"api-heavy\"\n");
        assertThat(check(file)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("The policy is valid. Version ops-3, mode api-heavy.",
                file.toString(), "routing.hybrid.chat = ['ollama', 'openai']");
    }

    @Test
    void anInvalidFilePrintsEveryProblemAndFails(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("hybrid.toml"), "[ai]\nmode = \"frugal\"\n");
        assertThat(check(file)).isOne();
        assertThat(err.toString(StandardCharsets.UTF_8)).contains(file + ": ai.mode: is 'frugal', but [routing]"
                + " defines only: ollama-only, ollama-heavy, hybrid, api-heavy");
    }

    @Test
    void aKeyWithoutAnEffectIsAcceptedWithAWarningSayingSo(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("hybrid.toml"), "[cost]\ntrack_usage = true\n");
        assertThat(check(file)).isZero();
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("warning: " + file + ": cost.track_usage: has no effect: usage is always recorded");
    }

    /**
     * The seed's three modes as docs/examples ships them pass the checker. A warning is allowed only for a key
     * documented as having no effect yet (InertKeys says so in each), never for one it silently drops.
     */
    @ParameterizedTest
    @ValueSource(strings = { "ollama-heavy", "api-heavy", "hybrid" })
    void theSeedsModeExamplesPassTheChecker(String mode) {
        Path file = Path.of(System.getProperty("hybrid.home", "..")).resolve("docs/examples/" + mode + ".toml");
        assertThat(check(file)).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("The policy is valid.", "mode " + mode + ".");
        // Per provider, what its worker will use: claude is an anthropic provider served by worker-cloud.
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("# claude (anthropic, worker-cloud):",
                "ANTHROPIC_API_KEY");
        assertThat(err.toString(StandardCharsets.UTF_8).lines())
                .allSatisfy(line -> assertThat(line).startsWith("warning: " + file).contains("has no effect"));
    }
}
