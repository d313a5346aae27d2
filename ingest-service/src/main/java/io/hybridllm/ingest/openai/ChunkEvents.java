package io.hybridllm.ingest.openai;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.hybridllm.contracts.FinishReason;
import io.hybridllm.contracts.TokenUsage;
import io.hybridllm.contracts.json.Json;
import io.hybridllm.ingest.rest.RequestView;
import io.hybridllm.ingest.stream.StreamEvents;

/**
 * OpenAI's streamed chat completion: {@code chat.completion.chunk} events (the first delta with the role; text in
 * {@code delta.content}, tool calls in pieces in {@code delta.tool_calls}), a last chunk with the finish reason, a
 * chunk with empty choices and the usage when {@code stream_options.include_usage} asked for it, then
 * {@code data: [DONE]}. A failure ends the stream with {@code data: {"error": {...}}}, the shape the OpenAI SDKs raise
 * as an API error. Each is one event's data; the server writes the {@code data:} framing.
 */
public final class ChunkEvents implements StreamEvents {

    public static final String DONE = "[DONE]";

    private final String id;
    private final long created = Instant.now().getEpochSecond();
    private final boolean includeUsage;
    private boolean first = true;

    public ChunkEvents(String requestId, boolean includeUsage) {
        this.id = ChatCompletion.idOf(requestId);
        this.includeUsage = includeUsage;
    }

    @Override
    public synchronized String piece(String provider, String model, String text) {
        ObjectNode chunk = chunk(provider, model);
        delta(chunk).put("content", text);
        return frame(chunk);
    }

    /** As OpenAI streams a call: the first delta with id, type and name, later ones with argument fragments only. */
    @Override
    public synchronized String toolCall(String provider, String model, int index, String id, String name,
            String arguments) {
        ObjectNode chunk = chunk(provider, model);
        ObjectNode call = delta(chunk).putArray("tool_calls").addObject().put("index", index);
        if (id != null) {
            call.put("id", id).put("type", "function");
        }
        ObjectNode function = call.putObject("function");
        if (name != null) {
            function.put("name", name);
        }
        function.put("arguments", arguments);
        return frame(chunk);
    }

    /** The delta of a piece's only choice, with the role on the stream's first. */
    private ObjectNode delta(ObjectNode chunk) {
        ObjectNode choice = chunk.withArray("choices").addObject().put("index", 0);
        ObjectNode delta = choice.putObject("delta");
        choice.putNull("finish_reason");
        if (first) {
            delta.put("role", "assistant");
            first = false;
        }
        return delta;
    }

    @Override
    public List<String> succeeded(RequestView view) {
        List<String> frames = new ArrayList<>();
        ObjectNode last = chunk(view.provider(), view.model());
        ObjectNode choice = last.withArray("choices").addObject().put("index", 0);
        // The tool calls were shown before, piece by piece (see StreamWatch): the finish adds nothing to them.
        choice.putObject("delta");
        choice.put("finish_reason",
                Json.wireName(view.finishReason() == null ? FinishReason.STOP : view.finishReason()));
        frames.add(frame(last));
        if (includeUsage) {
            TokenUsage usage = view.usage() == null ? TokenUsage.NONE : view.usage();
            ObjectNode counted = chunk(view.provider(), view.model());
            counted.putArray("choices");
            counted.putObject("usage").put("prompt_tokens", usage.promptTokens())
                    .put("completion_tokens", usage.completionTokens()).put("total_tokens", usage.totalTokens());
            frames.add(frame(counted));
        }
        frames.add(DONE);
        return frames;
    }

    @Override
    public String failed(int status, String code, String message) {
        return error(OpenAiError.failure(status, code, message, null).body());
    }

    @Override
    public String failed(RequestView view) {
        return error(ReplyErrors.failure(view.error(), view.id()).body());
    }

    private static String error(OpenAiError error) {
        return Json.write(error);
    }

    private ObjectNode chunk(String provider, String model) {
        return Json.mapper().createObjectNode().put("id", id).put("object", "chat.completion.chunk")
                .put("created", created).put("model", provider == null ? ModelAliases.AUTO : provider + "/" + model)
                .put("system_fingerprint", "hybrid-llm");
    }

    private static String frame(ObjectNode chunk) {
        return Json.write(chunk);
    }
}
