package io.hybridllm.launcher.eval;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import io.hybridllm.contracts.TaskType;
import io.hybridllm.contracts.json.InvalidMessageException;
import io.hybridllm.contracts.json.Json;

/**
 * One line of a routing evaluation file: {@code {"prompt": "...", "weak_ok": true, "strong_ok": true}}, optionally with
 * {@code task_type}; whether the weak (local-fast) and the strong (cloud) tier answered the prompt well enough.
 */
record LabelledPrompt(String prompt, boolean weakOk, boolean strongOk, TaskType taskType) {

    /** Bounds checked while reading, before anything starts: each test prompt costs the router an embedding. */
    static final int MAX_LINES = 20_000;
    static final int MAX_PROMPT_CHARS = 100_000;

    private static final Set<String> FIELDS = Set.of("prompt", "weak_ok", "strong_ok", "task_type");

    /** Every line of {@code file}; an {@link IllegalArgumentException} naming the file, line and field otherwise. */
    static List<LabelledPrompt> read(Path file) {
        List<LabelledPrompt> prompts = new ArrayList<>();
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            int number = 0;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                number++;
                if (number > MAX_LINES) {
                    throw new IllegalArgumentException(file + ": more than " + MAX_LINES + " lines");
                }
                try {
                    prompts.add(parse(line));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(file + " line " + number + ": " + e.getMessage(), e);
                }
            }
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException(file + ": no such file");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        if (prompts.isEmpty()) {
            throw new IllegalArgumentException(file + ": no lines");
        }
        return prompts;
    }

    /** One line; an {@link IllegalArgumentException} starting with the field at fault. */
    static LabelledPrompt parse(String line) {
        JsonNode node;
        try {
            node = Json.mapper().readTree(line);
        } catch (Exception e) {
            throw new IllegalArgumentException("not JSON: " + e.getMessage().lines().findFirst().orElse(""));
        }
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("not a JSON object");
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext();) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                throw new IllegalArgumentException(
                        name + ": unknown field; expected prompt, weak_ok, strong_ok and " + "optionally task_type");
            }
        }
        JsonNode prompt = node.get("prompt");
        if (prompt == null || !prompt.isTextual() || prompt.asText().isBlank()) {
            throw new IllegalArgumentException("prompt: is required, a non-blank string");
        }
        if (prompt.asText().length() > MAX_PROMPT_CHARS) {
            throw new IllegalArgumentException(
                    "prompt: has " + prompt.asText().length() + " characters; at most " + MAX_PROMPT_CHARS);
        }
        return new LabelledPrompt(prompt.asText(), flag(node, "weak_ok"), flag(node, "strong_ok"), taskType(node));
    }

    private static boolean flag(JsonNode line, String field) {
        JsonNode value = line.get(field);
        if (value == null || !value.isBoolean()) {
            throw new IllegalArgumentException(field + ": is required, true or false");
        }
        return value.booleanValue();
    }

    private static TaskType taskType(JsonNode line) {
        JsonNode value = line.get("task_type");
        if (value == null) {
            return null;
        }
        if (!value.isTextual()) {
            throw new IllegalArgumentException("task_type: must be a string");
        }
        try {
            return TaskType.of(value.asText());
        } catch (InvalidMessageException e) {
            throw new IllegalArgumentException("task_type: " + e.reason());
        }
    }

    /** The line as the file holds it (what {@code make-data} writes). */
    String toJson() {
        var line = Json.mapper().createObjectNode().put("prompt", prompt).put("weak_ok", weakOk).put("strong_ok",
                strongOk);
        if (taskType != null) {
            line.put("task_type", taskType.name());
        }
        return line.toString();
    }
}
