package io.hybridllm.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import io.hybridllm.contracts.TaskType;
import io.hybridllm.contracts.Tier;

/** Task types are open: the policy declares its own, and routes or quality bars may name only known ones. */
class TaskTypesTest {

    @Test
    void declaredTaskTypesJoinTheBuiltInOnesWithTheirTiers() {
        Policy policy = PolicyLoader.fromText("""
                [task_types]
                spawn_daemon = { tier = "cloud" }
                classify_memory = {}
                [routing.hybrid]
                classify_memory = "ollama"
                [quality.task_types]
                classify_memory = 0.9
                """, "daemon.toml").policy();
        assertThat(policy.taskTypes()).containsKeys(TaskType.CHAT, TaskType.of("spawn_daemon"),
                TaskType.of("classify_memory"));
        assertThat(policy.taskTypes().get(TaskType.of("spawn_daemon")).tier()).isEqualTo(Tier.CLOUD);
        assertThat(policy.taskTypes().get(TaskType.of("classify_memory")).tier()).isNull();
        assertThat(policy.routing().get("hybrid")).containsKey(TaskType.of("classify_memory"));
        assertThat(policy.quality().thresholdFor(TaskType.of("classify_memory"))).isEqualTo(0.9);
        assertThat(policy.knownTaskTypes()).startsWith("chat, completion").endsWith("spawn_daemon, classify_memory");
    }

    @Test
    void anUndeclaredTaskTypeInARouteIsATypoAndRefused() {
        assertThatThrownBy(() -> PolicyLoader.fromText("[routing.hybrid]\nreviw = \"ollama\"\n", "typo.toml"))
                .isInstanceOf(PolicyException.class)
                .hasMessageContaining(
                        "typo.toml: routing.hybrid.reviw: is not a task type; known: chat, completion, review")
                .hasMessageContaining("(declare your own under [task_types])");
    }

    @Test
    void aBadNameOrTierIsRefusedByName() {
        assertThatThrownBy(() -> PolicyLoader.fromText("""
                [task_types]
                Spawn-Daemon = {}
                spawn_daemon = { tier = "gpu" }
                """, "bad.toml")).isInstanceOf(PolicyException.class)
                .hasMessageContaining("bad.toml: task_types.Spawn-Daemon: 'Spawn-Daemon' is not a task type name")
                .hasMessageContaining("bad.toml: task_types.spawn_daemon.tier: 'gpu' is not a tier");
    }
}
