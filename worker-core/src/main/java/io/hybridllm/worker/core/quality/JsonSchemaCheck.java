package io.hybridllm.worker.core.quality;

import java.util.Iterator;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Validates a JSON value against the subset of JSON Schema that OpenAI's strict mode allows and answers are held to:
 * {@code type} (one or a list), {@code properties}, {@code required}, {@code items}, {@code enum} and
 * {@code additionalProperties: false}. Other keywords ({@code anyOf}, {@code $ref}, formats, bounds) are not checked.
 * Each value of the answer is visited once, against the one schema that applies to it, so the work is linear in the
 * answer (times the size of an {@code enum}); nesting is bounded by the JSON reader's depth limit.
 */
public final class JsonSchemaCheck {

    /** The first violation, as a path and what is wrong there; empty when the value is valid. */
    public static Optional<String> violation(JsonNode schema, JsonNode value) {
        return check(schema, value, "$");
    }

    private static Optional<String> check(JsonNode schema, JsonNode value, String path) {
        if (schema == null || !schema.isObject()) {
            return Optional.empty();
        }
        JsonNode type = schema.path("type");
        if (!type.isMissingNode() && !matchesType(type, value)) {
            return Optional.of(path + ": expected " + type + ", found " + typeOf(value));
        }
        JsonNode allowed = schema.path("enum");
        if (allowed.isArray()) {
            boolean listed = false;
            for (JsonNode option : allowed) {
                listed |= option.equals(value);
            }
            if (!listed) {
                return Optional.of(path + ": " + abbreviate(value) + " is not one of " + abbreviate(allowed));
            }
        }
        if (value.isObject()) {
            return checkObject(schema, value, path);
        }
        if (value.isArray() && schema.path("items").isObject()) {
            for (int i = 0; i < value.size(); i++) {
                Optional<String> found = check(schema.get("items"), value.get(i), path + "[" + i + "]");
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<String> checkObject(JsonNode schema, JsonNode value, String path) {
        JsonNode properties = schema.path("properties");
        for (JsonNode required : schema.path("required")) {
            if (!value.has(required.asText())) {
                return Optional.of(path + ": the required property " + required.asText() + " is missing");
            }
        }
        boolean closed = schema.path("additionalProperties").isBoolean()
                && !schema.path("additionalProperties").asBoolean();
        for (Iterator<Map.Entry<String, JsonNode>> fields = value.fields(); fields.hasNext();) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode property = properties.get(field.getKey());
            if (property == null && closed) {
                return Optional.of(path + ": the property " + field.getKey() + " is not allowed");
            }
            Optional<String> found = check(property, field.getValue(), path + "." + field.getKey());
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    private static boolean matchesType(JsonNode type, JsonNode value) {
        if (type.isArray()) {
            for (JsonNode option : type) {
                if (matchesType(option, value)) {
                    return true;
                }
            }
            return false;
        }
        return switch (type.asText()) {
            case "object" -> value.isObject();
            case "array" -> value.isArray();
            case "string" -> value.isTextual();
            case "boolean" -> value.isBoolean();
            case "null" -> value.isNull();
            case "number" -> value.isNumber();
            case "integer" ->
                    value.isIntegralNumber() || value.isNumber() && value.asDouble() == Math.rint(value.asDouble());
            // A type this check does not know is not held against the answer.
            default -> true;
        };
    }

    private static String typeOf(JsonNode value) {
        return switch (value.getNodeType()) {
            case OBJECT -> "an object";
            case ARRAY -> "an array";
            case STRING -> "a string";
            case BOOLEAN -> "a boolean";
            case NULL -> "null";
            case NUMBER -> "a number";
            default -> value.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
        };
    }

    private static String abbreviate(JsonNode value) {
        String text = value.toString();
        return text.length() > 80 ? text.substring(0, 80) + "..." : text;
    }

    private JsonSchemaCheck() {
    }
}
