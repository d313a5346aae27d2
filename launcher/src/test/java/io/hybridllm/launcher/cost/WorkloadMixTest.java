package io.hybridllm.launcher.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.hybridllm.contracts.TaskType;
import io.hybridllm.policy.RouteResolver.Depth;

/** Mix files, TOML and JSON, and the refusals: each names the file, the key and why. */
class WorkloadMixTest {

    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    private void refused(String toml, String message) throws IOException {
        Path file = write("mix.toml", toml);
        assertThatThrownBy(() -> WorkloadMix.read(file)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("mix file " + file + ": " + message);
    }

    @Test
    void jsonReadsLikeToml() throws IOException {
        WorkloadMix toml = WorkloadMix.read(write("mix.toml", CostSimulatorTest.MIX));
        WorkloadMix json = WorkloadMix.read(write("mix.json", """
                {"assumptions": {"local_call_ms": 1800},
                 "tasks": {"chat": {"share": 0.5, "tokens_in": 1000, "tokens_out": 500,
                                    "complexity": {"quick": 0.6, "normal": 0.2, "deep": 0.2}, "escalate_share": 0.25},
                           "review": {"share": 0.5, "tokens_in": 2000, "tokens_out": 1000,
                                      "complexity": {"quick": 0.5, "normal": 0.3, "deep": 0.2}}}}
                """));
        assertThat(json.tasks()).isEqualTo(toml.tasks());
        assertThat(json.localCallMs()).contains(1800L);
        assertThat(toml.tasks().get(TaskType.REVIEW).complexity().get(Depth.NORMAL)).isEqualByComparingTo("0.3");
        assertThat(toml.tasks().get(TaskType.REVIEW).escalateShare()).isZero();
    }

    @Test
    void sharesMustAddUpToOne() throws IOException {
        refused(CostSimulatorTest.MIX.replace("share = 0.5\ntokens_in = 2000", "share = 0.4\ntokens_in = 2000"),
                "tasks: the shares add up to 0.9; they must add up to 1");
        refused(CostSimulatorTest.MIX.replace("quick = 0.6", "quick = 0.5"),
                "tasks.chat.complexity: quick, normal and deep add up to 0.9; they must add up to 1");
    }

    @Test
    void keysAndValuesAreChecked() throws IOException {
        refused(CostSimulatorTest.MIX.replace("[tasks.chat]", "[tasks.chatting]"),
                "tasks.chatting: 'chatting' is not a task type; use one of chat, completion, review, explain,"
                        + " refactor, commit_msg, semantic_search, classify, summarize, extract, translate, generate,"
                        + " embed");
        refused(CostSimulatorTest.MIX.replace("tokens_in = 1000\n", ""), "tasks.chat.tokens_in: is missing");
        refused(CostSimulatorTest.MIX.replace("tokens_out = 500", "tokens_out = -5"),
                "tasks.chat.tokens_out: is -5; expected a whole number of at least 0");
        refused(CostSimulatorTest.MIX.replace("escalate_share = 0.25", "escalate_share = 1.5"),
                "tasks.chat.escalate_share: is 1.5; expected 0 to 1");
        refused(CostSimulatorTest.MIX.replace("deep = 0.2 }\nescalate", "deeper = 0.2 }\nescalate"),
                "tasks.chat.complexity.deeper: is not a known key; expected deep, normal, quick");
        refused(CostSimulatorTest.MIX.replace("local_call_ms = 1800", "local_call_ms = \"slow\""),
                "assumptions.local_call_ms: is \"slow\"; expected a whole number of at least 1");
        refused("[tasks]\n", "tasks: is missing: name at least one task type, e.g. [tasks.chat]");
    }

    @Test
    void unreadableFilesAreNamed() throws IOException {
        Path yaml = write("mix.yaml", "tasks: {}");
        assertThatThrownBy(() -> WorkloadMix.read(yaml))
                .hasMessage("mix file " + yaml + ": use a .toml or a .json file");
        Path broken = write("broken.toml", "[tasks.chat\nshare = 1");
        assertThatThrownBy(() -> WorkloadMix.read(broken))
                .hasMessageStartingWith("mix file " + broken + ": not valid TOML: ");
    }
}
