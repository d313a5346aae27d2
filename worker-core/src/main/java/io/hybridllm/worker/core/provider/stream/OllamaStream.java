package io.hybridllm.worker.core.provider.stream;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Ollama's {@code /api/chat} stream: one JSON object a line, text in {@code message.content}, whole tool calls in
 * {@code message.tool_calls}, and a last object with {@code done: true}, its {@code done_reason} and the token counts;
 * {@code {"error": "..."}} ends it with an error.
 */
public final class OllamaStream implements StreamReader {

    private final String provider;

    public OllamaStream(String provider) {
        this.provider = provider;
    }

    @Override
    public boolean read(String event, JsonNode data, StreamedAnswer answer) throws StreamException {
        if (data.path("error").isTextual()) {
            throw StreamErrors.of(provider, "", data.get("error").asText());
        }
        answer.text(data.path("message").path("content").asText(""));
        for (JsonNode call : data.path("message").path("tool_calls")) {
            // Ollama sends each call whole, its arguments an object.
            JsonNode function = call.path("function");
            JsonNode arguments = function.path("arguments");
            answer.wholeToolCall(StreamReader.text(call.get("id")), StreamReader.text(function.get("name")),
                    arguments.isObject() || arguments.isTextual() ? StreamReader.arguments(arguments) : "{}");
        }
        if (!data.path("done").asBoolean(false)) {
            return true;
        }
        if ("length".equals(data.path("done_reason").asText())) {
            answer.truncated();
        }
        answer.usage(StreamReader.count(data.get("prompt_eval_count")), StreamReader.count(data.get("eval_count")));
        answer.finished();
        return false;
    }
}
