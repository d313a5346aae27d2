package io.hybridllm.launcher.submit;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.hybridllm.contracts.json.Json;

/**
 * What a {@code hybrid submit} run did, next to its results file ({@code <results>.journal}, JSON Lines), so that an
 * interrupted run can be resumed without submitting anything twice. A line is written and flushed <em>before</em> its
 * request is handed to Kafka ({@code submitted}), and when it ended ({@code result}: the reply or why there is none). A
 * resumed run submits only lines with no {@code submitted} entry and awaits the replies of those without a result.
 */
final class Journal implements AutoCloseable {

    private final Path file;
    private final BufferedWriter writer;
    /** Line number to the request's id and deadline: submitted, no result yet. */
    private final Map<Integer, Submitted> awaiting = new HashMap<>();
    /** Line number to its result line (JSON), in input order. */
    private final TreeMap<Integer, String> results = new TreeMap<>();
    private String input;

    record Submitted(String id, Instant giveUpAt) {
    }

    private Journal(Path file) {
        this.file = file;
        try {
            if (Files.exists(file)) {
                for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    replay(line);
                }
            }
            writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot use the journal " + file + ": " + e.getMessage(), e);
        }
    }

    /** The journal of the results file {@code results}, with what earlier runs recorded in it. */
    static Journal of(Path results) {
        return new Journal(results.resolveSibling(results.getFileName() + ".journal"));
    }

    private void replay(String line) throws IOException {
        if (line.isBlank()) {
            return; // a line cut short by a crash is blank or not JSON: it never counted
        }
        JsonNode entry;
        try {
            entry = Json.mapper().readTree(line);
        } catch (IOException cutShort) {
            return;
        }
        if (entry.has("input")) {
            input = entry.get("input").asText();
        } else if (entry.has("submitted")) {
            awaiting.put(entry.get("submitted").asInt(),
                    new Submitted(entry.get("id").asText(), Instant.parse(entry.get("give_up_at").asText())));
        } else if (entry.has("result")) {
            int number = entry.get("result").get("line").asInt();
            awaiting.remove(number);
            results.put(number, Json.write(entry.get("result")));
        }
    }

    /** Which input an earlier run read (its path and digest), or null for a new journal. */
    String input() {
        return input;
    }

    void startInput(String digest) {
        input = digest;
        append(Json.mapper().createObjectNode().put("input", digest));
    }

    boolean seen(int line) {
        return awaiting.containsKey(line) || results.containsKey(line);
    }

    Map<Integer, Submitted> awaiting() {
        return Map.copyOf(awaiting);
    }

    synchronized void submitted(int line, String id, Instant giveUpAt) {
        awaiting.put(line, new Submitted(id, giveUpAt));
        append(Json.mapper().createObjectNode().put("submitted", line).put("id", id).put("give_up_at",
                giveUpAt.toString()));
    }

    synchronized void result(int line, ObjectNode result) {
        awaiting.remove(line);
        results.put(line, Json.write(result));
        append(Json.mapper().createObjectNode().set("result", result));
    }

    synchronized TreeMap<Integer, String> results() {
        return new TreeMap<>(results);
    }

    private void append(JsonNode entry) {
        try {
            writer.write(Json.write(entry));
            writer.newLine();
            writer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the journal " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void close() {
        try {
            writer.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
