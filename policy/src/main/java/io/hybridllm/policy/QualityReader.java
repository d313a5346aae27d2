package io.hybridllm.policy;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

import io.hybridllm.contracts.TaskType;
import io.hybridllm.contracts.json.Json;

/** Reads {@code [quality]}: the score a local answer needs, per task type if it differs, and the attempts allowed. */
final class QualityReader {

    private QualityReader() {
    }

    static Policy.Quality read(Table table, Problems problems) {
        double threshold = table.number("threshold", 0.6, 0, 1);
        int maxAttempts = table.integer("max_attempts", 3, 1, 10);
        Map<String, TaskType> known = new LinkedHashMap<>();
        for (TaskType type : TaskType.values()) {
            known.put(Json.wireName(type), type);
        }
        Map<TaskType, Double> perTask = new EnumMap<>(TaskType.class);
        Table tasks = table.table("task_types");
        for (String name : tasks.names()) {
            TaskType type = known.get(name);
            if (type == null) {
                problems.add(tasks.key(name), "is not a task type; known: " + String.join(", ", known.keySet()));
            } else {
                perTask.put(type, tasks.number(name, threshold, 0, 1));
            }
        }
        table.rejectUnknown();
        return new Policy.Quality(threshold, maxAttempts, Map.copyOf(perTask));
    }
}
