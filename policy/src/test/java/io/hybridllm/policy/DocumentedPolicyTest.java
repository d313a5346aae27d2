package io.hybridllm.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.hybridllm.contracts.ProviderKind;
import io.hybridllm.contracts.TaskType;

/**
 * The annotated example in docs/routing.md (the TOML block after "A complete example, annotated") is a policy this
 * build accepts, holding only keys that take effect; so is the learned scorer's example.
 */
class DocumentedPolicyTest {

    @Test
    void theAnnotatedExampleIsValid() throws IOException {
        String doc = Files.readString(Path.of("..", "docs", "routing.md"));
        Matcher toml = Pattern
                .compile("A complete example, annotated.*?^```toml\\n(.*?)\\n```", Pattern.DOTALL | Pattern.MULTILINE)
                .matcher(doc);
        assertThat(toml.find()).as("a toml example in docs/routing.md").isTrue();
        PolicyLoader.Loaded loaded = PolicyLoader.fromText(toml.group(1), "docs/routing.md");
        assertThat(loaded.warnings()).as("keys without an effect in the example").isEmpty();
        Policy policy = loaded.policy();
        assertThat(policy.version()).isEqualTo("2026-11-22.1");
        assertThat(policy.providers().get("claude").kind()).isEqualTo(ProviderKind.ANTHROPIC);
        assertThat(policy.routing().get("hybrid").get(TaskType.REVIEW)).isInstanceOf(Policy.Route.ByDepth.class);
        assertThat(policy.dynamicSwitching().context()).containsKey("**/*.sql");
    }

    @Test
    void theLearnedScorersExampleIsValid() throws IOException {
        String doc = Files.readString(Path.of("..", "docs", "routing.md"));
        Matcher toml = Pattern
                .compile("## The learned scorer.*?^```toml\\n(.*?)\\n```", Pattern.DOTALL | Pattern.MULTILINE)
                .matcher(doc);
        assertThat(toml.find()).as("the learned scorer's example in docs/routing.md").isTrue();
        PolicyLoader.Loaded loaded = PolicyLoader.fromText(toml.group(1), "docs/routing.md");
        assertThat(loaded.warnings()).isEmpty();
        assertThat(loaded.policy().scoring().method()).isEqualTo(Policy.ScoringMethod.BLEND);
        assertThat(loaded.policy().scoring().learned()).isEqualTo(Policy.Learned.DEFAULTS);
    }
}
