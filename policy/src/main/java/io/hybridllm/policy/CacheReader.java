package io.hybridllm.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.hybridllm.contracts.TaskType;

/** Reads {@code [cache]}: the response cache's switch, default lifetime, semantic task types and bounds. */
final class CacheReader {

    private CacheReader() {
    }

    static Policy.Cache read(Table table, Map<TaskType, Policy.TaskRule> known, Problems problems) {
        boolean enabled = table.bool("enabled", true);
        int ttl = table.integer("default_ttl_hours", 0, 0, 24 * 365);
        List<TaskType> semantic = new ArrayList<>();
        List<String> names = table.raw("semantic_task_types") == null ? List.of("semantic_search")
                : table.texts("semantic_task_types");
        for (String name : names) {
            TaskType type = TaskTypesReader.known(name, table.key("semantic_task_types"), known, problems);
            if (type != null) {
                semantic.add(type);
            }
        }
        double similarity = table.number("similarity", 0.92, 0.5, 1);
        int maxEntries = table.integer("max_entries", 10_000, 1, 1_000_000);
        int perTenant = table.integer("max_entries_per_tenant", 2_000, 1, 1_000_000);
        int maxMb = table.integer("max_mb", 64, 1, 16_384);
        int maxMbPerTenant = table.integer("max_mb_per_tenant", 16, 1, 16_384);
        if (perTenant > maxEntries) {
            problems.add(table.key("max_entries_per_tenant"), "is " + perTenant + ", above max_entries (" + maxEntries
                    + "): one tenant cannot hold more than all");
        }
        if (maxMbPerTenant > maxMb) {
            problems.add(table.key("max_mb_per_tenant"),
                    "is " + maxMbPerTenant + ", above max_mb (" + maxMb + "): one tenant cannot hold more than all");
        }
        boolean sensitive = table.bool("sensitive", false);
        table.rejectUnknown();
        return new Policy.Cache(enabled, ttl, List.copyOf(semantic), similarity, maxEntries, perTenant,
                maxMb * 1024L * 1024L, maxMbPerTenant * 1024L * 1024L, sensitive);
    }
}
