package io.hybridllm.ingest.openai;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;

import io.hybridllm.contracts.Priority;
import io.hybridllm.contracts.json.InvalidMessageException;
import io.hybridllm.contracts.json.Json;
import io.hybridllm.ingest.batches.BatchLine;

/**
 * Reads an OpenAI batch input file: one {@code {"custom_id", "method": "POST", "url": "/v1/chat/completions", "body"}}
 * per line. A line that is not one (or repeats a custom_id) is reported with its number; the others run, as interactive
 * work yields to them, until the batch's window ends (their deadline).
 */
final class OpenAiBatchInput {

    static final String ENDPOINT = "/v1/chat/completions";

    static List<BatchLine> parse(String content, ModelAliases aliases, Instant deadline) {
        String[] lines = content.split("\r?\n", -1);
        List<BatchLine> parsed = new ArrayList<>();
        Set<String> customIds = new HashSet<>();
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            String customId = null;
            try {
                JsonNode line = Json.mapper().readTree(lines[i]);
                customId = line.path("custom_id").isTextual() ? line.path("custom_id").asText() : null;
                check(customId != null && !customId.isBlank(), "custom_id", "is required");
                check(customIds.add(customId), "custom_id", "'" + customId + "' is used by an earlier line");
                check("POST".equals(line.path("method").asText()), "method", "must be POST");
                check(ENDPOINT.equals(line.path("url").asText()), "url", "must be " + ENDPOINT);
                ChatRequest chat = Json.mapper().reader().with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                        .treeToValue(line.path("body"), ChatRequest.class);
                check(chat != null, "body", "is required");
                parsed.add(BatchLine.of(i + 1, customId,
                        chat.toSubmission(aliases.hintFor(chat.model()), Priority.BATCH, deadline)));
            } catch (InvalidMessageException e) {
                parsed.add(BatchLine.malformed(i + 1, customId, e));
            } catch (OpenAiError.Failure e) {
                parsed.add(BatchLine.malformed(i + 1, customId,
                        new InvalidMessageException("body.model", e.getMessage())));
            } catch (com.fasterxml.jackson.core.JacksonException e) {
                parsed.add(BatchLine.malformed(i + 1, customId, Json.describe(e)));
            }
        }
        if (parsed.isEmpty()) {
            throw OpenAiError.failure(400, "empty_file", "the input file has no lines", "input_file_id");
        }
        return parsed;
    }

    private static void check(boolean condition, String field, String reason) {
        if (!condition) {
            throw new InvalidMessageException(field, reason);
        }
    }

    private OpenAiBatchInput() {
    }
}
