package io.hybridllm.policy;

import java.util.LinkedHashMap;
import java.util.Map;

import io.hybridllm.contracts.TaskType;

/** Reads {@code [quality]}: the score a local answer needs, per task type if it differs, and the attempts allowed. */
final class QualityReader {

    private QualityReader() {
    }

    static Policy.Quality read(Table table, Map<TaskType, Policy.TaskRule> known, Problems problems) {
        double threshold = table.number("threshold", 0.6, 0, 1);
        int maxAttempts = table.integer("max_attempts", 3, 1, 10);
        Map<TaskType, Double> perTask = new LinkedHashMap<>();
        Table tasks = table.table("task_types");
        for (String name : tasks.names()) {
            TaskType type = TaskTypesReader.known(name, tasks.key(name), known, problems);
            if (type != null) {
                perTask.put(type, tasks.number(name, threshold, 0, 1));
            }
        }
        table.rejectUnknown();
        return new Policy.Quality(threshold, maxAttempts, Map.copyOf(perTask));
    }
}
