package io.hybridllm.worker.core.provider.stream;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Anthropic's Messages stream: {@code message_start} (input tokens), {@code content_block_delta} with
 * {@code text_delta}, a {@code tool_use} block's start (id, name) and its {@code input_json_delta} pieces,
 * {@code message_delta} (stop reason, output tokens), {@code message_stop}; {@code ping} and the block start and stop
 * events carry nothing to read, and an {@code error} event ends the stream.
 */
public final class AnthropicStream implements StreamReader {

    private final String provider;

    public AnthropicStream(String provider) {
        this.provider = provider;
    }

    @Override
    public boolean read(String event, JsonNode data, StreamedAnswer answer) throws StreamException {
        switch (data.path("type").asText(event == null ? "" : event)) {
            case "message_start" -> {
                JsonNode usage = data.path("message").path("usage");
                // Cached prompt tokens are counted apart from input_tokens; all of them were read for this answer.
                int input = usage.path("input_tokens").asInt(0) + usage.path("cache_creation_input_tokens").asInt(0)
                        + usage.path("cache_read_input_tokens").asInt(0);
                answer.usage(input, StreamReader.count(usage.get("output_tokens")));
            }
            case "content_block_start" -> {
                JsonNode block = data.path("content_block");
                if ("tool_use".equals(block.path("type").asText())) {
                    // The block's input is {} here; the arguments come as input_json_delta pieces.
                    answer.toolCall(data.path("index").asInt(), StreamReader.text(block.get("id")),
                            StreamReader.text(block.get("name")), "");
                }
            }
            case "content_block_delta" -> {
                JsonNode delta = data.path("delta");
                switch (delta.path("type").asText()) {
                    case "text_delta" -> answer.text(delta.path("text").asText(""));
                    case "input_json_delta" -> answer.toolCall(data.path("index").asInt(), null, null,
                            delta.path("partial_json").asText(""));
                    default -> {
                        // thinking and signature deltas are not the answer.
                    }
                }
            }
            case "message_delta" -> {
                switch (data.path("delta").path("stop_reason").asText("")) {
                    case "refusal" -> throw StreamErrors.filtered(provider, "stop_reason refusal");
                    case "max_tokens" -> answer.truncated();
                    default -> {
                    }
                }
                answer.usage(null, StreamReader.count(data.path("usage").get("output_tokens")));
            }
            case "message_stop" -> {
                answer.finished();
                return false;
            }
            case "error" -> throw StreamErrors.of(provider, data.path("error").path("type").asText(""),
                    data.path("error").path("message").asText(""));
            default -> {
                // ping, content_block_stop, and event types added later.
            }
        }
        return true;
    }
}
