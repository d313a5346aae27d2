package io.hybridllm.policy;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import io.hybridllm.contracts.TaskType;
import io.hybridllm.contracts.Tier;
import io.hybridllm.contracts.json.InvalidMessageException;
import io.hybridllm.policy.Policy.TaskRule;

/**
 * Reads {@code [task_types]}: the task types the operator adds to the built-in ones, each with an optional tier it
 * always goes to, e.g. {@code spawn_daemon = { tier = "cloud" }}. A built-in type may be given a tier too. Only the
 * types known here may be routed, given a quality bar, or named by a request.
 */
final class TaskTypesReader {

    private TaskTypesReader() {
    }

    static Map<TaskType, TaskRule> read(Table table, Problems problems) {
        Map<TaskType, TaskRule> rules = new LinkedHashMap<>();
        TaskType.BUILT_IN.forEach(type -> rules.put(type, new TaskRule(type, null)));
        for (String name : table.names()) {
            TaskType type;
            try {
                type = TaskType.of(name);
            } catch (InvalidMessageException e) {
                problems.add(table.key(name), e.reason());
                continue;
            }
            Table rule = table.table(name);
            String tierName = rule.text("tier", null);
            Tier tier = null;
            if (tierName != null) {
                try {
                    tier = Tier.ofWireName(tierName);
                } catch (IllegalArgumentException e) {
                    problems.add(rule.key("tier"), e.getMessage());
                }
            }
            rule.rejectUnknown();
            rules.put(type, new TaskRule(type, tier));
        }
        return Collections.unmodifiableMap(rules);
    }

    /** The rule of a task type a table names, or a problem listing the known ones. */
    static TaskType known(String name, String key, Map<TaskType, TaskRule> known, Problems problems) {
        TaskType type = null;
        try {
            type = TaskType.of(name);
        } catch (InvalidMessageException e) {
            // Reported below with the list, as for any unknown name.
        }
        if (type == null || !known.containsKey(type)) {
            problems.add(key,
                    "is not a task type; known: "
                            + String.join(", ", known.keySet().stream().map(TaskType::name).toList())
                            + " (declare your own under [task_types])");
            return null;
        }
        return type;
    }
}
