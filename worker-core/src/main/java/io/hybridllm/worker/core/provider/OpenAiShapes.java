package io.hybridllm.worker.core.provider;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.hybridllm.contracts.ChatMessage;
import io.hybridllm.contracts.GenerationOptions;
import io.hybridllm.contracts.ResponseFormat;
import io.hybridllm.contracts.Tool;
import io.hybridllm.contracts.ToolCall;
import io.hybridllm.contracts.json.Json;

/**
 * The OpenAI shapes of tools, tool calls and response formats, which OpenAI-compatible APIs, Azure and (for most of it)
 * Cohere share.
 */
final class OpenAiShapes {

    /** A message, with its tool calls or the id of the call it answers, its images with a detail. */
    static ObjectNode message(ChatMessage message, String role) {
        return message(message, role, false);
    }

    /** As {@link #message(ChatMessage, String)}; {@code urlAsString} for Mistral's images. */
    static ObjectNode message(ChatMessage message, String role, boolean urlAsString) {
        ObjectNode node = Json.mapper().createObjectNode().put("role", role);
        if (message.hasToolCalls()) {
            // OpenAI wants null, not "", beside tool calls when the model said nothing.
            if (message.content().isEmpty()) {
                node.putNull("content");
            } else {
                node.put("content", message.content());
            }
            node.set("tool_calls", toolCalls(message.toolCalls()));
        } else if (message.parts() != null) {
            node.set("content", ImageParts.openAi(message.parts(), urlAsString));
        } else {
            node.put("content", message.content());
        }
        if (message.toolCallId() != null) {
            node.put("tool_call_id", message.toolCallId());
        }
        return node;
    }

    static String role(ChatMessage message) {
        return message.role().name().toLowerCase(Locale.ROOT);
    }

    static ArrayNode toolCalls(List<ToolCall> calls) {
        ArrayNode array = Json.mapper().createArrayNode();
        for (ToolCall call : calls) {
            ObjectNode node = array.addObject().put("id", call.id()).put("type", "function");
            node.putObject("function").put("name", call.name()).put("arguments", call.arguments());
        }
        return array;
    }

    /** {@code [{"type": "function", "function": {name, description, parameters, strict}}]}. */
    static ArrayNode tools(List<Tool> tools, boolean withStrict) {
        ArrayNode array = Json.mapper().createArrayNode();
        for (Tool tool : tools) {
            ObjectNode function = array.addObject().put("type", "function").putObject("function").put("name",
                    tool.name());
            if (tool.description() != null) {
                function.put("description", tool.description());
            }
            function.set("parameters", tool.parameters() == null ? emptySchema() : tool.parameters());
            if (withStrict && tool.strict() != null) {
                function.put("strict", tool.strict());
            }
        }
        return array;
    }

    /** The schema of a function without parameters. */
    static ObjectNode emptySchema() {
        ObjectNode schema = Json.mapper().createObjectNode().put("type", "object");
        schema.putObject("properties");
        return schema;
    }

    /** {@code "auto"}, {@code "none"}, {@code required} (under the provider's name) or a named function. */
    static JsonNode toolChoice(GenerationOptions options, String requiredName) {
        var choice = options.toolChoice();
        return switch (choice.mode()) {
            case AUTO -> Json.mapper().getNodeFactory().textNode("auto");
            case NONE -> Json.mapper().getNodeFactory().textNode("none");
            case REQUIRED -> Json.mapper().getNodeFactory().textNode(requiredName);
            case FUNCTION -> {
                ObjectNode named = Json.mapper().createObjectNode().put("type", "function");
                named.putObject("function").put("name", choice.name());
                yield named;
            }
        };
    }

    /** {@code {"type": "json_object"}} or {@code {"type": "json_schema", "json_schema": {name, schema, strict}}}. */
    static ObjectNode responseFormat(ResponseFormat format) {
        ObjectNode node = Json.mapper().createObjectNode();
        if (format.type() == ResponseFormat.Type.JSON_SCHEMA) {
            node.put("type", "json_schema");
            ObjectNode schema = node.putObject("json_schema").put("name", format.name());
            schema.set("schema", format.schema());
            if (format.strict() != null) {
                schema.put("strict", format.strict());
            }
        } else {
            node.put("type", "json_object");
        }
        return node;
    }

    /** The function calls of {@code tool_calls}, or null; other kinds of calls are skipped. */
    static List<ToolCall> readToolCalls(JsonNode calls) {
        if (!calls.isArray() || calls.isEmpty()) {
            return null;
        }
        List<ToolCall> read = new ArrayList<>();
        for (JsonNode call : calls) {
            JsonNode function = call.path("function");
            if (function.path("name").isTextual()) {
                JsonNode arguments = function.path("arguments");
                read.add(new ToolCall(call.path("id").asText("call_" + read.size()), function.get("name").asText(),
                        arguments.isTextual() ? arguments.asText() : arguments.toString()));
            }
        }
        return read.isEmpty() ? null : read;
    }

    /** A tool call's arguments as the object some providers want; arguments that are no JSON object give {}. */
    static ObjectNode argumentsObject(String arguments) {
        JsonNode parsed = ErrorBodies.parse(arguments);
        return parsed != null && parsed.isObject() ? (ObjectNode) parsed : Json.mapper().createObjectNode();
    }

    private OpenAiShapes() {
    }
}
