package io.hybridllm.contracts;

import static io.hybridllm.contracts.json.Check.require;

import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The form the answer must take: {@code text} (any), {@code json_object} (a JSON object), or {@code json_schema}: JSON
 * valid against {@code schema}, named {@code name}; {@code strict} asks providers that support it to enforce the schema
 * while generating. The quality check validates JSON answers either way.
 */
public record ResponseFormat(Type type, String name, JsonNode schema, Boolean strict) {

    public enum Type {
        TEXT, JSON_OBJECT, JSON_SCHEMA
    }

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    public ResponseFormat {
        require(type != null, "response_format.type", "is required (text, json_object or json_schema)");
        require(type != Type.JSON_SCHEMA || schema != null && schema.isObject(), "response_format.schema",
                "is required for json_schema, as a JSON schema object");
        require(type != Type.JSON_SCHEMA || name != null && NAME.matcher(name).matches(), "response_format.name",
                "is required for json_schema: 1-64 letters, digits, underscores or dashes");
    }

    /** Whether the answer must be JSON. */
    public boolean wantsJson() {
        return type != Type.TEXT;
    }
}
