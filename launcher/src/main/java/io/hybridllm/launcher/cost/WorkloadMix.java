package io.hybridllm.launcher.cost;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;

import io.hybridllm.contracts.TaskType;
import io.hybridllm.policy.RouteResolver.Depth;

/**
 * A workload to simulate (TOML or JSON, by the file's extension): per task type its share of the requests, the tokens
 * of a request in and out, how its requests spread over the depths the policy routes by ({@code quick}, {@code normal},
 * {@code deep}), and the share of local answers that fail the quality check and are answered again in the cloud. See
 * docs/costs.md. A mix that cannot be simulated is refused naming the file, the key and why.
 */
public record WorkloadMix(Path source, Optional<Long> localCallMs, Map<TaskType, Task> tasks) {

    /** Shares are decimals; this much rounding in a hand-written file is forgiven. */
    private static final BigDecimal TOLERANCE = new BigDecimal("0.001");

    public record Task(TaskType type, BigDecimal share, long tokensIn, long tokensOut,
            Map<Depth, BigDecimal> complexity, BigDecimal escalateShare) {
    }

    public static WorkloadMix read(Path file) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        ObjectMapper mapper = name.endsWith(".toml") ? new TomlMapper()
                : name.endsWith(".json") ? new ObjectMapper() : null;
        if (mapper == null) {
            throw new IllegalArgumentException("mix file " + file + ": use a .toml or a .json file");
        }
        JsonNode root;
        try {
            root = mapper.readTree(Files.readAllBytes(file));
        } catch (JacksonException e) {
            throw new IllegalArgumentException("mix file " + file + ": not valid "
                    + (name.endsWith(".toml") ? "TOML" : "JSON") + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new IllegalArgumentException("mix file " + file + ": cannot be read: " + e);
        }
        return new Reader(file).mix(root);
    }

    /** Reads and checks the tree, naming the key of each problem. */
    private record Reader(Path file) {

        WorkloadMix mix(JsonNode root) {
            if (root == null || !root.isObject()) {
                throw problem("(top)", "is not a table of [assumptions] and [tasks.<task type>]");
            }
            onlyKeys(root, "", Set.of("assumptions", "tasks"));
            Optional<Long> localCallMs = Optional.empty();
            JsonNode assumptions = root.path("assumptions");
            if (!assumptions.isMissingNode()) {
                table(assumptions, "assumptions");
                onlyKeys(assumptions, "assumptions.", Set.of("local_call_ms"));
                if (assumptions.has("local_call_ms")) {
                    localCallMs = Optional.of(whole(assumptions.get("local_call_ms"), "assumptions.local_call_ms", 1));
                }
            }
            JsonNode taskTable = root.path("tasks");
            if (taskTable.isMissingNode() || taskTable.isEmpty()) {
                throw problem("tasks", "is missing: name at least one task type, e.g. [tasks.chat]");
            }
            table(taskTable, "tasks");
            // In the built-in task types' order, as the report lists them.
            Map<TaskType, Task> tasks = new TreeMap<>(Comparator.comparingInt(TaskType.BUILT_IN::indexOf));
            BigDecimal shares = BigDecimal.ZERO;
            for (Iterator<Map.Entry<String, JsonNode>> it = taskTable.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> entry = it.next();
                Task task = task(entry.getKey(), entry.getValue());
                tasks.put(task.type(), task);
                shares = shares.add(task.share());
            }
            if (shares.subtract(BigDecimal.ONE).abs().compareTo(TOLERANCE) > 0) {
                throw problem("tasks", "the shares add up to " + shares.stripTrailingZeros().toPlainString()
                        + "; they must add up to 1");
            }
            return new WorkloadMix(file, localCallMs, tasks);
        }

        private Task task(String name, JsonNode node) {
            String key = "tasks." + name;
            TaskType type = TaskType.BUILT_IN.stream().filter(t -> t.name().equals(name)).findFirst()
                    .orElseThrow(() -> problem(key, "'" + name + "' is not a task type; use one of "
                            + String.join(", ", TaskType.BUILT_IN.stream().map(TaskType::name).toList())));
            table(node, key);
            onlyKeys(node, key + ".", Set.of("share", "tokens_in", "tokens_out", "complexity", "escalate_share"));
            BigDecimal share = fraction(required(node, key, "share"), key + ".share");
            if (share.signum() == 0) {
                throw problem(key + ".share", "is 0; leave the task type out instead");
            }
            long in = whole(required(node, key, "tokens_in"), key + ".tokens_in", 0);
            long out = whole(required(node, key, "tokens_out"), key + ".tokens_out", 0);
            JsonNode spread = required(node, key, "complexity");
            table(spread, key + ".complexity");
            Map<Depth, BigDecimal> complexity = new EnumMap<>(Depth.class);
            onlyKeys(spread, key + ".complexity.", Arrays.stream(Depth.values())
                    .map(d -> d.name().toLowerCase(Locale.ROOT)).collect(Collectors.toSet()));
            BigDecimal sum = BigDecimal.ZERO;
            for (Depth depth : Depth.values()) {
                String depthName = depth.name().toLowerCase(Locale.ROOT);
                JsonNode value = spread.get(depthName);
                BigDecimal part = value == null ? BigDecimal.ZERO : fraction(value, key + ".complexity." + depthName);
                complexity.put(depth, part);
                sum = sum.add(part);
            }
            if (sum.subtract(BigDecimal.ONE).abs().compareTo(TOLERANCE) > 0) {
                throw problem(key + ".complexity", "quick, normal and deep add up to "
                        + sum.stripTrailingZeros().toPlainString() + "; they must add up to 1");
            }
            BigDecimal escalate = node.has("escalate_share")
                    ? fraction(node.get("escalate_share"), key + ".escalate_share")
                    : BigDecimal.ZERO;
            return new Task(type, share, in, out, complexity, escalate);
        }

        private JsonNode required(JsonNode node, String key, String field) {
            JsonNode value = node.get(field);
            if (value == null) {
                throw problem(key + "." + field, "is missing");
            }
            return value;
        }

        private void table(JsonNode node, String key) {
            if (!node.isObject()) {
                throw problem(key, "is " + node.getNodeType().name().toLowerCase(Locale.ROOT) + "; expected a table");
            }
        }

        private void onlyKeys(JsonNode node, String prefix, Set<String> allowed) {
            Map<String, JsonNode> unknown = new LinkedHashMap<>();
            node.fields().forEachRemaining(entry -> {
                if (!allowed.contains(entry.getKey())) {
                    unknown.put(entry.getKey(), entry.getValue());
                }
            });
            if (!unknown.isEmpty()) {
                String first = unknown.keySet().iterator().next();
                throw problem(prefix + first,
                        "is not a known key; expected " + String.join(", ", allowed.stream().sorted().toList()));
            }
        }

        private BigDecimal fraction(JsonNode node, String key) {
            if (!node.isNumber()) {
                throw problem(key, "is " + node + "; expected a number from 0 to 1");
            }
            BigDecimal value = node.decimalValue();
            if (value.signum() < 0 || value.compareTo(BigDecimal.ONE) > 0) {
                throw problem(key, "is " + value.stripTrailingZeros().toPlainString() + "; expected 0 to 1");
            }
            return value;
        }

        private long whole(JsonNode node, String key, long min) {
            if (!node.isIntegralNumber() || node.asLong() < min) {
                throw problem(key, "is " + node + "; expected a whole number of at least " + min);
            }
            return node.asLong();
        }

        private IllegalArgumentException problem(String key, String why) {
            return new IllegalArgumentException("mix file " + file + ": " + key + ": " + why);
        }
    }
}
