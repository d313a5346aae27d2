package io.hybridllm.worker.core.provider.stream;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Cohere's v2 chat stream: {@code message-start}, {@code content-start}, {@code content-delta} (text in
 * {@code delta.message.content.text}), {@code content-end}, tool calls as {@code tool-call-start} (id, name),
 * {@code tool-call-delta} (argument pieces) and {@code tool-call-end}, then {@code message-end} with the finish reason
 * and usage (billed units, as the answer without streaming counts them).
 */
public final class CohereStream implements StreamReader {

    private final String provider;

    public CohereStream(String provider) {
        this.provider = provider;
    }

    @Override
    public boolean read(String event, JsonNode data, StreamedAnswer answer) throws StreamException {
        switch (data.path("type").asText(event == null ? "" : event)) {
            case "content-delta" ->
                    answer.text(data.path("delta").path("message").path("content").path("text").asText(""));
            case "tool-call-start", "tool-call-delta" -> {
                JsonNode call = data.path("delta").path("message").path("tool_calls");
                call = call.isArray() ? call.path(0) : call;
                answer.toolCall(data.path("index").asInt(), StreamReader.text(call.get("id")),
                        StreamReader.text(call.path("function").get("name")),
                        StreamReader.arguments(call.path("function").get("arguments")));
            }
            case "message-end" -> {
                JsonNode delta = data.path("delta");
                String finish = delta.path("finish_reason").asText("");
                if (finish.startsWith("ERROR")) {
                    throw StreamErrors.of(provider, finish, delta.path("error").asText(""));
                }
                if (finish.equals("MAX_TOKENS")) {
                    answer.truncated();
                }
                JsonNode usage = delta.path("usage").path("billed_units");
                if (!usage.isObject()) {
                    usage = delta.path("usage").path("tokens");
                }
                answer.usage(StreamReader.count(usage.get("input_tokens")),
                        StreamReader.count(usage.get("output_tokens")));
                answer.finished();
                return false;
            }
            default -> {
                // message-start, content-start, content-end, tool-plan-delta (the model's plan, not its answer),
                // tool-call-end: nothing of the answer.
            }
        }
        return true;
    }
}
