package io.hybridllm.worker.core.provider;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.hybridllm.contracts.ChatMessage;
import io.hybridllm.contracts.GenerationOptions;
import io.hybridllm.contracts.ResponseFormat;
import io.hybridllm.contracts.Role;
import io.hybridllm.contracts.Tool;
import io.hybridllm.contracts.ToolCall;
import io.hybridllm.contracts.json.Json;

/**
 * Gemini's side of tools and structured output: {@code functionDeclarations} with a JSON schema
 * ({@code parametersJsonSchema}), {@code toolConfig.functionCallingConfig} (AUTO, NONE, ANY with allowed names),
 * {@code functionCall} parts from the model and {@code functionResponse} parts answering them, and
 * {@code responseMimeType}/{@code responseJsonSchema} for JSON.
 */
final class GeminiTools {

    /** The turns as contents; a tool result names its function, found from the call it answers when not given. */
    static ArrayNode contents(List<ChatMessage> turns, String provider) {
        ArrayNode contents = Json.mapper().createArrayNode();
        Map<String, String> callNames = new HashMap<>();
        for (ChatMessage turn : turns) {
            ObjectNode content = contents.addObject().put("role", turn.role() == Role.ASSISTANT ? "model" : "user");
            ArrayNode parts = content.putArray("parts");
            if (turn.role() == Role.TOOL && turn.toolCallId() != null) {
                String name = turn.name() != null ? turn.name()
                        : callNames.getOrDefault(turn.toolCallId(), turn.toolCallId());
                ObjectNode response = parts.addObject().putObject("functionResponse").put("name", name);
                response.putObject("response").put("content", turn.content());
                continue;
            }
            if (turn.parts() != null) {
                ImageParts.gemini(parts, turn.parts(), provider);
            } else if (!turn.content().isEmpty() || !turn.hasToolCalls()) {
                parts.addObject().put("text", turn.content());
            }
            if (turn.hasToolCalls()) {
                for (ToolCall call : turn.toolCalls()) {
                    callNames.put(call.id(), call.name());
                    parts.addObject().putObject("functionCall").put("name", call.name()).set("args",
                            OpenAiShapes.argumentsObject(call.arguments()));
                }
            }
        }
        return contents;
    }

    static void putTools(ObjectNode body, GenerationOptions options) {
        if (options.tools() == null) {
            return;
        }
        ArrayNode declarations = body.putArray("tools").addObject().putArray("functionDeclarations");
        for (Tool tool : options.tools()) {
            ObjectNode declaration = declarations.addObject().put("name", tool.name());
            if (tool.description() != null) {
                declaration.put("description", tool.description());
            }
            if (tool.parameters() != null) {
                declaration.set("parametersJsonSchema", tool.parameters());
            }
        }
        if (options.toolChoice() != null) {
            ObjectNode config = body.putObject("toolConfig").putObject("functionCallingConfig");
            switch (options.toolChoice().mode()) {
                case AUTO -> config.put("mode", "AUTO");
                case NONE -> config.put("mode", "NONE");
                case REQUIRED -> config.put("mode", "ANY");
                case FUNCTION ->
                        config.put("mode", "ANY").putArray("allowedFunctionNames").add(options.toolChoice().name());
            }
        }
    }

    static void putResponseFormat(ObjectNode config, GenerationOptions options) {
        ResponseFormat format = options.responseFormat();
        if (format == null || !format.wantsJson()) {
            return;
        }
        config.put("responseMimeType", "application/json");
        if (format.type() == ResponseFormat.Type.JSON_SCHEMA) {
            config.set("responseJsonSchema", format.schema());
        }
    }

    /** The functionCall parts of an answer; Gemini gives ids only sometimes, so missing ones are made up. */
    static List<ToolCall> readFunctionCalls(JsonNode parts) {
        List<ToolCall> calls = new ArrayList<>();
        for (JsonNode part : parts) {
            JsonNode call = part.path("functionCall");
            if (call.path("name").isTextual()) {
                calls.add(new ToolCall(call.path("id").asText("call_" + calls.size()), call.get("name").asText(),
                        call.path("args").isObject() ? call.get("args").toString() : "{}"));
            }
        }
        return calls.isEmpty() ? null : calls;
    }

    private GeminiTools() {
    }
}
