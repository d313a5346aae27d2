package io.hybridllm.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.hybridllm.contracts.TaskType;

/** {@code [cache]} and a route's {@code cache_ttl_hours}: each key takes effect or is refused with the reason. */
class CachePolicyTest {

    @TempDir
    Path dir;

    private Policy load(String toml) throws IOException {
        PolicyLoader.Loaded loaded = PolicyLoader.load(List.of(Files.writeString(dir.resolve("cache.toml"), toml)));
        assertThat(loaded.warnings()).as("no cache key is without effect").isEmpty();
        return loaded.policy();
    }

    @Test
    void byDefaultOnlyARouteWithALifetimeIsCached() throws IOException {
        Policy policy = load("""
                [routing.hybrid]
                semantic_search = { provider = "ollama", fallback = "openai", cache_ttl_hours = 24 }
                """);
        assertThat(policy.cache().ttlHours(policy, "hybrid", TaskType.SEMANTIC_SEARCH)).isEqualTo(24);
        assertThat(policy.cache().ttlHours(policy, "hybrid", TaskType.CHAT)).isZero();
        assertThat(policy.cache().semanticTaskTypes()).containsExactly(TaskType.SEMANTIC_SEARCH);
        assertThat(policy.cache().similarity()).isEqualTo(0.92);
    }

    @Test
    void theTableSetsTheDefaultLifetimeAndSwitchesTheCacheOff() throws IOException {
        Policy on = load("[cache]\ndefault_ttl_hours = 2\nsemantic_task_types = [\"chat\"]\nmax_entries = 50\n"
                + "max_entries_per_tenant = 5\nmax_mb = 2\nmax_mb_per_tenant = 1\nsensitive = true\n");
        assertThat(on.cache().ttlHours(on, "hybrid", TaskType.CHAT)).isEqualTo(2);
        assertThat(on.cache().maxEntriesPerTenant()).isEqualTo(5);
        assertThat(on.cache().maxBytesPerTenant()).isEqualTo(1024 * 1024);
        assertThat(on.cache().sensitiveAllowed()).isTrue();
        Policy off = load("""
                [routing.hybrid]
                semantic_search = { provider = "ollama", cache_ttl_hours = 24 }
                [cache]
                enabled = false
                """);
        assertThat(off.cache().ttlHours(off, "hybrid", TaskType.SEMANTIC_SEARCH)).isZero();
    }

    @Test
    void badValuesAreRefusedWithTheKeyAndWhy() throws IOException {
        Path file = Files.writeString(dir.resolve("bad.toml"), """
                [cache]
                similarity = 0.2
                semantic_task_types = ["poetry"]
                max_entries = 10
                max_entries_per_tenant = 20
                ttl = 3
                """);
        assertThatThrownBy(() -> PolicyLoader.load(List.of(file))).isInstanceOf(PolicyException.class)
                .satisfies(e -> assertThat(((PolicyException) e).problems()).extracting(PolicyProblem::key).contains(
                        "cache.similarity", "cache.semantic_task_types", "cache.max_entries_per_tenant", "cache.ttl"));
    }
}
