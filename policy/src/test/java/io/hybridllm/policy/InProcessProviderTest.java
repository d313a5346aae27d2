package io.hybridllm.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import io.hybridllm.contracts.ProviderKind;
import io.hybridllm.contracts.TaskType;

/** The built-in in-process embedding provider, and a base_url on it refused as a key without effect. */
class InProcessProviderTest {

    @Test
    void theBuiltInPolicyDeclaresMinilmAndKnowsTheEmbedTaskType() {
        Policy policy = PolicyLoader.fromText("", "empty.toml").policy();
        assertThat(policy.providers().get("minilm").kind()).isEqualTo(ProviderKind.IN_PROCESS);
        assertThat(policy.taskTypes()).containsKey(TaskType.EMBED);
    }

    @Test
    void aBaseUrlOnAnInProcessProviderIsRefused() {
        assertThatThrownBy(() -> PolicyLoader.fromText("""
                [providers.minilm]
                base_url = "http://localhost:9999"
                """, "bad.toml")).isInstanceOf(PolicyException.class).hasMessageContaining("providers.minilm.base_url")
                .hasMessageContaining("in-process");
    }
}
