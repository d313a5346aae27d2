package io.hybridllm.launcher.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.hybridllm.contracts.TaskType;
import io.hybridllm.launcher.cli.CommandLines;

/** The lines of an evaluation file: what is read, each refusal naming its field, and the file and line. */
class LabelledPromptTest {

    @TempDir
    Path dir;

    @Test
    void aGoodLineIsRead() {
        assertThat(LabelledPrompt.parse("{\"prompt\": \"Prove it.\", \"weak_ok\": false, \"strong_ok\": true}"))
                .isEqualTo(new LabelledPrompt("Prove it.", false, true, null));
        assertThat(
                LabelledPrompt.parse("{\"prompt\":\"Hi\",\"weak_ok\":true,\"strong_ok\":true,\"task_type\":\"chat\"}"))
                        .isEqualTo(new LabelledPrompt("Hi", true, true, TaskType.CHAT));
    }

    @Test
    void aLineWrittenByMakeDataReadsBackTheSame() {
        LabelledPrompt prompt = new LabelledPrompt("Summarise:\n\"quoted\"", true, false, TaskType.SUMMARIZE);
        assertThat(LabelledPrompt.parse(prompt.toJson())).isEqualTo(prompt);
    }

    @Test
    void eachBadLineIsRefusedNamingTheField() {
        refused("not json", "not JSON");
        refused("[1, 2]", "not a JSON object");
        refused("{\"weak_ok\": true, \"strong_ok\": true}", "prompt: is required");
        refused("{\"prompt\": \" \", \"weak_ok\": true, \"strong_ok\": true}", "prompt: is required");
        refused("{\"prompt\": 5, \"weak_ok\": true, \"strong_ok\": true}", "prompt: is required");
        refused("{\"prompt\": \"p\", \"strong_ok\": true}", "weak_ok: is required, true or false");
        refused("{\"prompt\": \"p\", \"weak_ok\": \"yes\", \"strong_ok\": true}", "weak_ok: is required");
        refused("{\"prompt\": \"p\", \"weak_ok\": true}", "strong_ok: is required");
        refused("{\"prompt\": \"p\", \"weak_ok\": true, \"strong_ok\": true, \"weakok\": 1}", "weakok: unknown field");
        refused("{\"prompt\": \"p\", \"weak_ok\": true, \"strong_ok\": true, \"task_type\": \"Big Task\"}",
                "task_type: 'Big Task' is not a task type name");
        refused("{\"prompt\": \"" + "x".repeat(LabelledPrompt.MAX_PROMPT_CHARS + 1)
                + "\", \"weak_ok\": true, \"strong_ok\": true}", "prompt: has 100001 characters; at most 100000");
    }

    private static void refused(String line, String message) {
        assertThatThrownBy(() -> LabelledPrompt.parse(line)).as(line).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(message);
    }

    @Test
    void aBadLineInAFileIsAUsageErrorNamingTheFileAndLine() throws IOException {
        Path file = dir.resolve("labels.jsonl");
        Files.write(file, List.of("{\"prompt\": \"a\", \"weak_ok\": true, \"strong_ok\": true}",
                "{\"prompt\": \"b\", \"weak_ok\": true}"));
        assertThatThrownBy(() -> LabelledPrompt.read(file))
                .hasMessage(file + " line 2: strong_ok: is required, true " + "or false");
        CommandLines.Run run = CommandLines.run(dir, "eval", "routing", file.toString());
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("hybrid: " + file + " line 2: strong_ok: is required");
        assertThat(CommandLines.run(dir, "eval", "routing", dir.resolve("none.jsonl").toString()).err())
                .contains("none.jsonl: no such file");
    }

    @Test
    void makeDataWritesTheSameFileForTheSameSeed() throws IOException {
        Path first = dir.resolve("a.jsonl");
        Path second = dir.resolve("b.jsonl");
        assertThat(CommandLines.run(dir, "eval", "make-data", "--out=" + first, "--count=200", "--seed=4").exit())
                .isZero();
        CommandLines.run(dir, "eval", "make-data", "--out=" + second, "--count=200", "--seed=4");
        assertThat(Files.readString(first)).isEqualTo(Files.readString(second));
        List<LabelledPrompt> prompts = LabelledPrompt.read(first);
        assertThat(prompts).hasSize(200);
        // Neither length nor keywords decide: long prompts the weak tier handles, short ones it does not.
        assertThat(prompts).anyMatch(p -> p.prompt().length() > 400 && p.weakOk())
                .anyMatch(p -> p.prompt().length() < 60 && !p.weakOk());
    }
}
