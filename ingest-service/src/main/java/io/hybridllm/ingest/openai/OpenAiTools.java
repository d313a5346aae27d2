package io.hybridllm.ingest.openai;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import io.hybridllm.contracts.ResponseFormat;
import io.hybridllm.contracts.Tool;
import io.hybridllm.contracts.ToolChoice;
import io.hybridllm.contracts.json.InvalidMessageException;

/** OpenAI's {@code stop}, {@code tools}, {@code tool_choice} and {@code response_format}, in the contracts' terms. */
final class OpenAiTools {

    /** A string or an array of strings. */
    static List<String> stop(JsonNode stop) {
        if (!ChatRefusals.present(stop)) {
            return null;
        }
        if (stop.isTextual()) {
            return List.of(stop.asText());
        }
        List<String> sequences = new ArrayList<>();
        if (stop.isArray()) {
            for (JsonNode sequence : stop) {
                if (!sequence.isTextual()) {
                    throw new InvalidMessageException("stop", "must be a string or an array of strings");
                }
                sequences.add(sequence.asText());
            }
            return sequences;
        }
        throw new InvalidMessageException("stop", "must be a string or an array of strings");
    }

    static List<Tool> tools(JsonNode tools) {
        if (!ChatRefusals.present(tools)) {
            return null;
        }
        if (!tools.isArray()) {
            throw new InvalidMessageException("tools", "must be an array of function tools");
        }
        List<Tool> read = new ArrayList<>();
        for (int i = 0; i < tools.size(); i++) {
            JsonNode tool = tools.get(i);
            if (!"function".equals(tool.path("type").asText())) {
                throw new InvalidMessageException("tools[" + i + "].type",
                        "only function tools are supported, not '" + tool.path("type").asText() + "'");
            }
            JsonNode function = tool.path("function");
            JsonNode strict = function.path("strict");
            read.add(new Tool(function.path("name").asText(null), function.path("description").asText(null),
                    function.get("parameters"), strict.isBoolean() ? strict.asBoolean() : null));
        }
        return read;
    }

    /** {@code "auto"}, {@code "none"}, {@code "required"} or {@code {"type": "function", "function": {"name"}}}. */
    static ToolChoice toolChoice(JsonNode choice) {
        if (!ChatRefusals.present(choice)) {
            return null;
        }
        if (choice.isTextual()) {
            return switch (choice.asText()) {
                case "auto" -> ToolChoice.AUTO;
                case "none" -> new ToolChoice(ToolChoice.Mode.NONE, null);
                case "required" -> new ToolChoice(ToolChoice.Mode.REQUIRED, null);
                default -> throw new InvalidMessageException("tool_choice",
                        "'" + choice.asText() + "' is not one of: auto, none, required, or a named function");
            };
        }
        String name = choice.path("function").path("name").asText("");
        if (!"function".equals(choice.path("type").asText()) || name.isEmpty()) {
            throw new InvalidMessageException("tool_choice",
                    "must be auto, none, required or {\"type\": \"function\", \"function\": {\"name\": ...}}");
        }
        return new ToolChoice(ToolChoice.Mode.FUNCTION, name);
    }

    /** {@code {"type": "text" | "json_object"}} or {@code {"type": "json_schema", "json_schema": {...}}}. */
    static ResponseFormat responseFormat(JsonNode format) {
        if (!ChatRefusals.present(format)) {
            return null;
        }
        String type = format.path("type").asText("");
        return switch (type) {
            case "text" -> null;
            case "json_object" -> new ResponseFormat(ResponseFormat.Type.JSON_OBJECT, null, null, null);
            case "json_schema" -> {
                JsonNode schema = format.path("json_schema");
                JsonNode strict = schema.path("strict");
                yield new ResponseFormat(ResponseFormat.Type.JSON_SCHEMA, schema.path("name").asText(null),
                        schema.get("schema"), strict.isBoolean() ? strict.asBoolean() : null);
            }
            default -> throw new InvalidMessageException("response_format.type",
                    "'" + type + "' is not one of: text, json_object, json_schema");
        };
    }

    private OpenAiTools() {
    }
}
