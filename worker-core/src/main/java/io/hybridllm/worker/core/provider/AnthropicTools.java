package io.hybridllm.worker.core.provider;

import java.util.ArrayList;
import java.util.List;

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
 * Tools in Anthropic's Messages API: {@code tools} with an {@code input_schema}, {@code tool_choice} as
 * {@code auto}/{@code any}/{@code tool}/{@code none}, assistant {@code tool_use} blocks and {@code tool_result} blocks
 * in a user turn. It has no JSON mode, so JSON is asked for in the system prompt (and checked by the quality check).
 */
final class AnthropicTools {

    static String jsonInstruction(GenerationOptions options) {
        ResponseFormat format = options.responseFormat();
        if (format == null || !format.wantsJson()) {
            return "";
        }
        return format.type() == ResponseFormat.Type.JSON_SCHEMA
                ? "\n\nAnswer with JSON only, valid against this JSON schema: " + format.schema()
                : "\n\nAnswer with a single JSON object only.";
    }

    /** The turns, tool calls as tool_use blocks and consecutive tool results merged into one user turn. */
    static ArrayNode messages(List<ChatMessage> turns) {
        ArrayNode messages = Json.mapper().createArrayNode();
        ArrayNode results = null;
        for (ChatMessage turn : turns) {
            if (turn.role() == Role.TOOL && turn.toolCallId() != null) {
                if (results == null) {
                    results = messages.addObject().put("role", "user").putArray("content");
                }
                results.addObject().put("type", "tool_result").put("tool_use_id", turn.toolCallId()).put("content",
                        turn.content());
                continue;
            }
            results = null;
            ObjectNode message = messages.addObject().put("role", turn.role() == Role.ASSISTANT ? "assistant" : "user");
            if (turn.parts() != null) {
                message.set("content", ImageParts.anthropic(turn.parts()));
                continue;
            }
            if (!turn.hasToolCalls()) {
                // A tool result without its tool call id has no place of its own here; the user supplies it.
                message.put("content", turn.content());
                continue;
            }
            ArrayNode blocks = message.putArray("content");
            if (!turn.content().isBlank()) {
                // Anthropic refuses empty text blocks.
                blocks.addObject().put("type", "text").put("text", turn.content());
            }
            for (ToolCall call : turn.toolCalls()) {
                blocks.addObject().put("type", "tool_use").put("id", call.id()).put("name", call.name()).set("input",
                        OpenAiShapes.argumentsObject(call.arguments()));
            }
        }
        return messages;
    }

    static void putTools(ObjectNode body, GenerationOptions options) {
        if (options.tools() == null) {
            return;
        }
        ArrayNode tools = body.putArray("tools");
        for (Tool tool : options.tools()) {
            ObjectNode node = tools.addObject().put("name", tool.name());
            if (tool.description() != null) {
                node.put("description", tool.description());
            }
            node.set("input_schema", tool.parameters() == null ? OpenAiShapes.emptySchema() : tool.parameters());
        }
        if (options.toolChoice() == null && options.parallelToolCalls() == null) {
            return;
        }
        ObjectNode choice = body.putObject("tool_choice");
        switch (options.toolChoice() == null ? io.hybridllm.contracts.ToolChoice.Mode.AUTO
                : options.toolChoice().mode()) {
            case AUTO -> choice.put("type", "auto");
            case NONE -> choice.put("type", "none");
            case REQUIRED -> choice.put("type", "any");
            case FUNCTION -> choice.put("type", "tool").put("name", options.toolChoice().name());
        }
        if (Boolean.FALSE.equals(options.parallelToolCalls())) {
            choice.put("disable_parallel_tool_use", true);
        }
    }

    /** The tool_use blocks of an answer as tool calls, or null. */
    static List<ToolCall> readToolUses(JsonNode content) {
        List<ToolCall> calls = new ArrayList<>();
        for (JsonNode block : content) {
            if ("tool_use".equals(block.path("type").asText()) && block.path("name").isTextual()) {
                calls.add(new ToolCall(block.path("id").asText("toolu_" + calls.size()), block.get("name").asText(),
                        block.path("input").isObject() ? block.get("input").toString() : "{}"));
            }
        }
        return calls.isEmpty() ? null : calls;
    }

    private AnthropicTools() {
    }
}
