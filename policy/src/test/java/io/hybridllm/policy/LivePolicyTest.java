package io.hybridllm.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.hybridllm.contracts.ControlEvent;

/** The policy in force: files first, a published policy over them, back to the files on withdrawal. */
class LivePolicyTest {

    @TempDir
    Path dir;

    private static ControlEvent.PolicyChange published(String version, String toml) {
        return new ControlEvent.PolicyChange(1, "id-" + version, "policy", version, null, toml, "ops", List.of(),
                Instant.now());
    }

    @Test
    void aPublishedPolicyReplacesTheFilesUntilWithdrawnAndListenersHearOfEachChange() throws IOException {
        Path file = Files.writeString(dir.resolve("hybrid.toml"), "version = \"files-1\"\n");
        LivePolicy live = new LivePolicy(() -> List.of(file));
        List<String> heard = new ArrayList<>();
        live.onChange(loaded -> heard.add(loaded.policy().version()));
        assertThat(live.current().version()).isEqualTo("files-1");

        String claude = "version = \"pub-1\"\n[providers.claude]\nkind = \"anthropic\"\n";
        assertThat(live.apply(published("pub-1", claude))).isTrue();
        assertThat(live.current().providers()).containsKey("claude");
        assertThat(live.published()).isTrue();
        // The same version again changes nothing.
        assertThat(live.apply(published("pub-1", claude))).isFalse();

        assertThat(live.apply(published("pub-1", null))).isTrue();
        assertThat(live.current().version()).isEqualTo("files-1");
        assertThat(live.published()).isFalse();
        assertThat(live.apply(published("pub-1", null))).isFalse();
        assertThat(heard).containsExactly("pub-1", "files-1");
    }

    @Test
    void anInvalidPublicationIsRefusedAndThePolicyInForceStays() {
        LivePolicy live = new LivePolicy(List::of);
        String before = live.current().version();
        assertThat(live.apply(published("bad", "[providers.x]\nkind = \"nonsense\"\n"))).isFalse();
        assertThat(live.current().version()).isEqualTo(before);
        assertThat(live.published()).isFalse();
    }
}
