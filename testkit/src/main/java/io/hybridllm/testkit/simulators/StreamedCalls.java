package io.hybridllm.testkit.simulators;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.hybridllm.contracts.json.Json;

/**
 * The tool calls of a simulator's answer as each provider streams them: OpenAI's indexed {@code delta.tool_calls} (id
 * and name first, then argument fragments), Anthropic's {@code tool_use} block with {@code input_json_delta} pieces,
 * Cohere's {@code tool-plan-delta} and {@code tool-call-start/delta/end}, Ollama's whole calls on a line of their own.
 * Gemini streams a {@code functionCall} part whole, which the whole answer already is.
 */
final class StreamedCalls {

    /** Arguments are written in pieces, as models write them: here in three, or a character each when shorter. */
    private static final int FRAGMENTS = 3;

    private StreamedCalls() {
    }

    static List<String> fragments(String arguments) {
        List<String> fragments = new ArrayList<>();
        int size = Math.max(1, (arguments.length() + FRAGMENTS - 1) / FRAGMENTS);
        for (int start = 0; start < arguments.length(); start += size) {
            fragments.add(arguments.substring(start, Math.min(arguments.length(), start + size)));
        }
        return fragments;
    }

    /** OpenAI's chunks for {@code message.tool_calls}, each made by {@code chunk} (a chunk whose delta is empty). */
    static void openAi(JsonNode toolCalls, Supplier<ObjectNode> chunk, List<JsonNode> events) {
        for (int index = 0; index < toolCalls.size(); index++) {
            JsonNode call = toolCalls.get(index);
            ObjectNode begin = chunk.get();
            ObjectNode first = delta(begin).putArray("tool_calls").addObject().put("index", index)
                    .put("id", call.path("id").asText()).put("type", "function");
            first.putObject("function").put("name", call.path("function").path("name").asText()).put("arguments", "");
            events.add(begin);
            for (String fragment : fragments(call.path("function").path("arguments").asText(""))) {
                ObjectNode next = chunk.get();
                delta(next).putArray("tool_calls").addObject().put("index", index).putObject("function")
                        .put("arguments", fragment);
                events.add(next);
            }
        }
    }

    private static ObjectNode delta(ObjectNode chunk) {
        return (ObjectNode) chunk.get("choices").get(0).get("delta");
    }

    /** Anthropic's events for a {@code tool_use} block at {@code index}: its start, its input in pieces, its stop. */
    static void anthropic(int index, JsonNode block, List<String> names, List<JsonNode> events) {
        ObjectNode start = Json.mapper().createObjectNode().put("type", "content_block_start").put("index", index);
        start.putObject("content_block").put("type", "tool_use").put("id", block.path("id").asText())
                .put("name", block.path("name").asText()).putObject("input");
        names.add("content_block_start");
        events.add(start);
        for (String fragment : fragments(Json.write(block.path("input")))) {
            ObjectNode delta = Json.mapper().createObjectNode().put("type", "content_block_delta").put("index", index);
            delta.putObject("delta").put("type", "input_json_delta").put("partial_json", fragment);
            names.add("content_block_delta");
            events.add(delta);
        }
        names.add("content_block_stop");
        events.add(Json.mapper().createObjectNode().put("type", "content_block_stop").put("index", index));
    }

    /** Cohere's events for the tool plan and {@code message.tool_calls}. */
    static void cohere(JsonNode message, List<String> names, List<JsonNode> events) {
        ObjectNode plan = Json.mapper().createObjectNode().put("type", "tool-plan-delta");
        plan.putObject("delta").putObject("message").put("tool_plan", message.path("tool_plan").asText(""));
        names.add("tool-plan-delta");
        events.add(plan);
        JsonNode calls = message.path("tool_calls");
        for (int index = 0; index < calls.size(); index++) {
            JsonNode call = calls.get(index);
            ObjectNode start = Json.mapper().createObjectNode().put("type", "tool-call-start").put("index", index);
            ObjectNode started = start.putObject("delta").putObject("message").putObject("tool_calls")
                    .put("id", call.path("id").asText()).put("type", "function");
            started.putObject("function").put("name", call.path("function").path("name").asText()).put("arguments", "");
            names.add("tool-call-start");
            events.add(start);
            for (String fragment : fragments(call.path("function").path("arguments").asText(""))) {
                ObjectNode delta = Json.mapper().createObjectNode().put("type", "tool-call-delta").put("index", index);
                delta.putObject("delta").putObject("message").putObject("tool_calls").putObject("function")
                        .put("arguments", fragment);
                names.add("tool-call-delta");
                events.add(delta);
            }
            names.add("tool-call-end");
            events.add(Json.mapper().createObjectNode().put("type", "tool-call-end").put("index", index));
        }
    }
}
