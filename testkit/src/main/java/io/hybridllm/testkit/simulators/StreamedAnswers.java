package io.hybridllm.testkit.simulators;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.hybridllm.contracts.json.Json;
import io.hybridllm.testkit.simulators.ProviderSimulator.Frames;
import io.hybridllm.testkit.simulators.ProviderSimulator.Response;

/**
 * A simulator's whole answer as the provider streams it, in each provider's documented event format: the text a word at
 * a time, the tool calls as {@link StreamedCalls} writes them, then the finish reason and usage where the provider
 * sends them.
 */
final class StreamedAnswers {

    private StreamedAnswers() {
    }

    /** The answer streamed when the request asked for it and it is an answer; errors stay JSON. */
    static Response streamedIf(boolean asked, Response response, Function<JsonNode, Frames> convert) {
        if (!asked || response.status() != 200 || response.frames() != null) {
            return response;
        }
        return new Response(200, response.headers(), response.body(), convert.apply(response.body()));
    }

    /** OpenAI's chat.completion.chunk events, a usage chunk with no choices last when asked, then [DONE]. */
    static Frames openAi(JsonNode request, JsonNode completion) {
        List<JsonNode> events = new ArrayList<>();
        JsonNode choice = completion.path("choices").path(0);
        String finish = choice.path("finish_reason").asText("stop");
        String text = choice.path("message").path("content").asText("");
        ObjectNode first = openAiChunk(completion, null);
        ((ObjectNode) first.get("choices").get(0).get("delta")).put("role", "assistant").put("content", "");
        events.add(first);
        for (String piece : ProviderSimulator.pieces(text)) {
            events.add(openAiChunk(completion, piece));
        }
        StreamedCalls.openAi(choice.path("message").path("tool_calls"), () -> openAiChunk(completion, null), events);
        ObjectNode last = openAiChunk(completion, null);
        ((ObjectNode) last.get("choices").get(0)).put("finish_reason", finish);
        events.add(last);
        if (request.path("stream_options").path("include_usage").asBoolean(false)) {
            ObjectNode usage = chunk(completion);
            usage.putArray("choices");
            usage.set("usage", completion.path("usage"));
            events.add(usage);
        }
        List<String> frames = new ArrayList<>(Frames.sse(null, events).frames());
        frames.add("data: [DONE]\n\n");
        return new Frames("text/event-stream", frames);
    }

    private static ObjectNode chunk(JsonNode completion) {
        return Json.mapper().createObjectNode().put("id", completion.path("id").asText())
                .put("object", "chat.completion.chunk").put("created", completion.path("created").asLong())
                .put("model", completion.path("model").asText());
    }

    private static ObjectNode openAiChunk(JsonNode completion, String content) {
        ObjectNode root = chunk(completion);
        ObjectNode choice = root.putArray("choices").addObject().put("index", 0);
        ObjectNode delta = choice.putObject("delta");
        if (content != null) {
            delta.put("content", content);
        }
        choice.putNull("finish_reason");
        return root;
    }

    /**
     * Anthropic's Messages events: message_start (input tokens), a text block's start, deltas and stop, message_delta
     * (stop reason, output tokens) and message_stop, with a ping after the start as Anthropic sends it.
     */
    static Frames anthropic(JsonNode message) {
        List<String> names = new ArrayList<>();
        List<JsonNode> events = new ArrayList<>();
        ObjectNode start = message.deepCopy();
        start.putArray("content");
        start.putNull("stop_reason");
        ((ObjectNode) start.path("usage")).put("output_tokens", 1);
        add(names, events, "message_start", object("message_start").set("message", start));
        add(names, events, "ping", object("ping"));
        JsonNode content = message.path("content");
        for (int index = 0; index < Math.max(1, content.size()); index++) {
            JsonNode block = content.path(index);
            if ("tool_use".equals(block.path("type").asText())) {
                StreamedCalls.anthropic(index, block, names, events);
            } else {
                anthropicText(index, block.path("text").asText(""), names, events);
            }
        }
        ObjectNode delta = object("message_delta");
        delta.putObject("delta").put("stop_reason", message.path("stop_reason").asText()).putNull("stop_sequence");
        delta.putObject("usage").put("output_tokens", message.path("usage").path("output_tokens").asInt());
        add(names, events, "message_delta", delta);
        add(names, events, "message_stop", object("message_stop"));
        return Frames.sse(names, events);
    }

    private static void anthropicText(int index, String text, List<String> names, List<JsonNode> events) {
        add(names, events, "content_block_start", object("content_block_start").put("index", index).set("content_block",
                Json.mapper().createObjectNode().put("type", "text").put("text", "")));
        for (String piece : ProviderSimulator.pieces(text)) {
            add(names, events, "content_block_delta", object("content_block_delta").put("index", index).set("delta",
                    Json.mapper().createObjectNode().put("type", "text_delta").put("text", piece)));
        }
        add(names, events, "content_block_stop", object("content_block_stop").put("index", index));
    }

    /**
     * Gemini's streamGenerateContent with alt=sse: each event a GenerateContentResponse with the next part of the text;
     * the last carries the finish reason and the usage.
     */
    static Frames gemini(JsonNode answer) {
        JsonNode candidate = answer.path("candidates").path(0);
        List<String> pieces = ProviderSimulator
                .pieces(candidate.path("content").path("parts").path(0).path("text").asText(""));
        List<JsonNode> events = new ArrayList<>();
        for (int i = 0; i < pieces.size(); i++) {
            ObjectNode event = Json.mapper().createObjectNode();
            ObjectNode part = event.putArray("candidates").addObject();
            part.putObject("content").put("role", "model").putArray("parts").addObject().put("text", pieces.get(i));
            part.put("index", 0);
            if (i == pieces.size() - 1) {
                part.put("finishReason", candidate.path("finishReason").asText("STOP"));
                event.set("usageMetadata", answer.path("usageMetadata"));
            }
            events.add(event);
        }
        if (events.isEmpty()) {
            events.add(answer);
        }
        return Frames.sse(null, events);
    }

    /** Cohere's v2 chat stream: message-start, content-start, content-delta events, content-end, message-end. */
    static Frames cohere(JsonNode reply) {
        List<String> names = new ArrayList<>();
        List<JsonNode> events = new ArrayList<>();
        ObjectNode start = object("message-start").put("id", reply.path("id").asText());
        start.putObject("delta").putObject("message").put("role", "assistant");
        add(names, events, "message-start", start);
        if (reply.path("message").path("tool_calls").isArray()) {
            StreamedCalls.cohere(reply.path("message"), names, events);
        } else {
            cohereText(reply, names, events);
        }
        ObjectNode end = object("message-end");
        ObjectNode delta = end.putObject("delta").put("finish_reason", reply.path("finish_reason").asText());
        delta.set("usage", reply.path("usage"));
        add(names, events, "message-end", end);
        return Frames.sse(names, events);
    }

    private static void cohereText(JsonNode reply, List<String> names, List<JsonNode> events) {
        ObjectNode contentStart = object("content-start").put("index", 0);
        contentStart.putObject("delta").putObject("message").putObject("content").put("type", "text").put("text", "");
        add(names, events, "content-start", contentStart);
        String text = reply.path("message").path("content").path(0).path("text").asText("");
        for (String piece : ProviderSimulator.pieces(text)) {
            ObjectNode delta = object("content-delta").put("index", 0);
            delta.putObject("delta").putObject("message").putObject("content").put("text", piece);
            add(names, events, "content-delta", delta);
        }
        add(names, events, "content-end", object("content-end").put("index", 0));
    }

    /** Ollama's NDJSON: a line per piece with done false, then the last with done true, done_reason and counts. */
    static Frames ollama(JsonNode reply) {
        List<String> lines = new ArrayList<>();
        for (String piece : ProviderSimulator.pieces(reply.path("message").path("content").asText(""))) {
            ObjectNode line = Json.mapper().createObjectNode().put("model", reply.path("model").asText())
                    .put("created_at", reply.path("created_at").asText());
            line.putObject("message").put("role", "assistant").put("content", piece);
            lines.add(Json.write(line.put("done", false)) + "\n");
        }
        JsonNode calls = reply.path("message").path("tool_calls");
        if (calls.isArray()) {
            // Ollama sends the calls whole, on a line before the last.
            ObjectNode line = Json.mapper().createObjectNode().put("model", reply.path("model").asText())
                    .put("created_at", reply.path("created_at").asText());
            line.putObject("message").put("role", "assistant").put("content", "").set("tool_calls", calls);
            lines.add(Json.write(line.put("done", false)) + "\n");
        }
        ObjectNode last = reply.deepCopy();
        ((ObjectNode) last.path("message")).put("content", "").remove("tool_calls");
        lines.add(Json.write(last) + "\n");
        return new Frames("application/x-ndjson", lines);
    }

    private static ObjectNode object(String type) {
        return Json.mapper().createObjectNode().put("type", type);
    }

    private static void add(List<String> names, List<JsonNode> events, String name, JsonNode event) {
        names.add(name);
        events.add(event);
    }
}
