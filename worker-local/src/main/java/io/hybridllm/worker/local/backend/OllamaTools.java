package io.hybridllm.worker.local.backend;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.hybridllm.contracts.ChatMessage;
import io.hybridllm.contracts.ContentPart;
import io.hybridllm.contracts.GenerationOptions;
import io.hybridllm.contracts.ResponseFormat;
import io.hybridllm.contracts.Role;
import io.hybridllm.contracts.Tool;
import io.hybridllm.contracts.ToolCall;
import io.hybridllm.contracts.json.Json;

/**
 * Ollama's {@code /api/chat} side of tools, structured output and sampling: {@code tools} in OpenAI's shape, tool calls
 * with arguments as objects, {@code tool} turns naming their function ({@code tool_name}), {@code format}
 * ({@code "json"} or a JSON schema), and top_p, stop, seed and penalties in {@code options}. Ollama has no
 * {@code tool_choice}: a required call is checked by the quality check, which escalates an answer without one.
 */
final class OllamaTools {

    static ArrayNode messages(List<ChatMessage> conversation) {
        ArrayNode messages = Json.mapper().createArrayNode();
        Map<String, String> callNames = new HashMap<>();
        for (ChatMessage message : conversation) {
            ObjectNode node = messages.addObject().put("role", message.role().name().toLowerCase(Locale.ROOT))
                    .put("content", message.content());
            if (!message.images().isEmpty()) {
                // Base64 only, beside the text: a URL never gets here (OllamaResponses.imageByUrl).
                ArrayNode images = node.putArray("images");
                message.images().stream().filter(ContentPart.Image::inline).forEach(i -> images.add(i.base64()));
            }
            if (message.hasToolCalls()) {
                ArrayNode calls = node.putArray("tool_calls");
                for (ToolCall call : message.toolCalls()) {
                    callNames.put(call.id(), call.name());
                    calls.addObject().putObject("function").put("name", call.name()).set("arguments",
                            object(call.arguments()));
                }
            }
            if (message.role() == Role.TOOL && message.toolCallId() != null) {
                node.put("tool_name", message.name() != null ? message.name()
                        : callNames.getOrDefault(message.toolCallId(), message.toolCallId()));
            }
        }
        return messages;
    }

    static void put(ObjectNode body, ObjectNode settings, GenerationOptions options) {
        if (options.offersTools()) {
            ArrayNode tools = body.putArray("tools");
            for (Tool tool : options.tools()) {
                ObjectNode function = tools.addObject().put("type", "function").putObject("function").put("name",
                        tool.name());
                if (tool.description() != null) {
                    function.put("description", tool.description());
                }
                function.set("parameters",
                        tool.parameters() == null ? Json.mapper().createObjectNode().put("type", "object")
                                : tool.parameters());
            }
        }
        ResponseFormat format = options.responseFormat();
        if (format != null && format.wantsJson()) {
            if (format.type() == ResponseFormat.Type.JSON_SCHEMA) {
                body.set("format", format.schema());
            } else {
                body.put("format", "json");
            }
        }
        putNumber(settings, "top_p", options.topP());
        putNumber(settings, "presence_penalty", options.presencePenalty());
        putNumber(settings, "frequency_penalty", options.frequencyPenalty());
        if (options.seed() != null) {
            settings.put("seed", options.seed());
        }
        if (options.stop() != null) {
            options.stop().forEach(settings.withArray("stop")::add);
        }
    }

    /** The tool calls of an answer; older Ollama versions give them no id, so one is made up. */
    static List<ToolCall> read(JsonNode calls) {
        List<ToolCall> read = new ArrayList<>();
        for (JsonNode call : calls) {
            JsonNode function = call.path("function");
            if (function.path("name").isTextual()) {
                JsonNode arguments = function.path("arguments");
                read.add(new ToolCall(call.path("id").asText("call_" + read.size()), function.get("name").asText(),
                        arguments.isTextual() ? arguments.asText()
                                : arguments.isObject() ? arguments.toString() : "{}"));
            }
        }
        return read.isEmpty() ? null : read;
    }

    private static void putNumber(ObjectNode settings, String field, Double value) {
        if (value != null) {
            settings.put(field, value);
        }
    }

    private static JsonNode object(String arguments) {
        try {
            JsonNode parsed = Json.mapper().readTree(arguments);
            return parsed != null && parsed.isObject() ? parsed : Json.mapper().createObjectNode();
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return Json.mapper().createObjectNode();
        }
    }

    private OllamaTools() {
    }
}
