package io.hybridllm.worker.cloud.rest;

import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import io.hybridllm.contracts.json.Json;
import io.hybridllm.worker.cloud.credentials.StoredKeyId;
import io.hybridllm.worker.core.provider.ApiKey;

/**
 * Reads {@code {"value": "<key>"}}. The body is parsed here rather than by the framework because a parser's complaint
 * quotes the input, and the input is a secret: every message below says what is wrong without repeating any of it.
 */
final class CredentialBody {

    private static final int MAX_LENGTH = 4096;

    static String value(String body) {
        JsonNode json;
        try {
            json = body == null || body.isBlank() ? null : Json.mapper().readTree(body);
        } catch (JsonProcessingException e) {
            json = null;
        }
        if (json == null || !json.isObject()) {
            throw new IllegalArgumentException("the body must be a JSON object: {\"value\": \"<the key>\"}");
        }
        JsonNode value = json.get("value");
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw new IllegalArgumentException("value is required: the key, as a JSON string");
        }
        if (json.size() > 1) {
            throw new IllegalArgumentException("the body holds only value");
        }
        String key = value.asText().strip();
        if (key.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("value is longer than " + MAX_LENGTH + " characters");
        }
        if (!new ApiKey("new", key).usable()) {
            throw new IllegalArgumentException("value holds control characters, which no HTTP header may carry");
        }
        return key;
    }

    /** What is wrong with a key name, if anything. */
    static Optional<String> nameProblem(String name) {
        return StoredKeyId.validName(name) ? Optional.empty()
                : Optional.of("a key name has 1 to 64 letters, digits, '.', '_' or '-'");
    }

    private CredentialBody() {
    }
}
