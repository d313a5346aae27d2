package io.hybridllm.worker.core.provider.stream;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * OpenAI's {@code chat.completion.chunk} events (also Azure, Mistral, xAI, vLLM, llama.cpp): text in
 * {@code choices[0].delta.content}, tool calls in pieces in {@code choices[0].delta.tool_calls}, {@code finish_reason}
 * on the last choice chunk, usage on a chunk with empty choices when {@code stream_options.include_usage} was asked
 * (Mistral sends it unasked), then {@code data: [DONE]}.
 */
public final class OpenAiStream implements StreamReader {

    private final String provider;

    public OpenAiStream(String provider) {
        this.provider = provider;
    }

    @Override
    public boolean read(String event, JsonNode data, StreamedAnswer answer) throws StreamException {
        JsonNode error = data.path("error");
        if (error.isObject()) {
            throw StreamErrors.of(provider, error.path("type").asText(error.path("code").asText("")),
                    error.path("message").asText(""));
        }
        JsonNode choice = data.path("choices").path(0);
        JsonNode delta = choice.path("delta");
        if (delta.path("refusal").isTextual()) {
            throw StreamErrors.filtered(provider, "the model refused: " + delta.get("refusal").asText());
        }
        if (delta.path("content").isTextual()) {
            answer.text(delta.get("content").asText());
        }
        for (JsonNode call : delta.path("tool_calls")) {
            toolCall(call, answer);
        }
        String finish = choice.path("finish_reason").asText("");
        switch (finish) {
            case "", "null" -> {
            }
            case "content_filter" -> throw StreamErrors.filtered(provider, "finish_reason content_filter");
            case "length" -> {
                answer.truncated();
                answer.finished();
            }
            default -> answer.finished();
        }
        JsonNode usage = data.path("usage");
        if (usage.isObject()) {
            answer.usage(StreamReader.count(usage.get("prompt_tokens")),
                    StreamReader.count(usage.get("completion_tokens")));
        }
        return true;
    }

    /**
     * A piece of a tool call: OpenAI numbers its calls with {@code index}, the first piece with the id and name; a
     * server that numbers none (some OpenAI-compatible ones send whole calls) begins a call with each piece that has an
     * id.
     */
    private static void toolCall(JsonNode call, StreamedAnswer answer) throws StreamException {
        JsonNode function = call.path("function");
        String id = StreamReader.text(call.get("id"));
        String name = StreamReader.text(function.get("name"));
        String arguments = StreamReader.arguments(function.get("arguments"));
        if (call.path("index").canConvertToInt() && call.path("index").isIntegralNumber()) {
            answer.toolCall(call.get("index").asInt(), id, name, arguments);
        } else if (id != null || name != null) {
            answer.wholeToolCall(id, name, arguments);
        } else {
            answer.lastToolCall(arguments);
        }
    }

    @Override
    public boolean readText(String data, StreamedAnswer answer) throws StreamException {
        if (data.equals("[DONE]")) {
            answer.finished();
            return false;
        }
        return StreamReader.super.readText(data, answer);
    }
}
