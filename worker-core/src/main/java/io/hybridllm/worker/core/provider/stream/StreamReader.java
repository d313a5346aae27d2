package io.hybridllm.worker.core.provider.stream;

import com.fasterxml.jackson.databind.JsonNode;

/** One provider's stream events, read one by one into a {@link StreamedAnswer}. */
public interface StreamReader {

    /**
     * Reads an event; {@code event} is its SSE name or null. Returns false when it is the stream's last (OpenAI's
     * {@code [DONE]}, Anthropic's {@code message_stop}), true to read on. Throws for an error event or a refusal.
     */
    boolean read(String event, JsonNode data, StreamedAnswer answer) throws StreamException;

    /** The data of an event that is no JSON, e.g. OpenAI's {@code [DONE]}: true to read on. */
    default boolean readText(String data, StreamedAnswer answer) throws StreamException {
        throw new StreamException(io.hybridllm.contracts.ErrorInfo.ErrorCode.PROVIDER_ERROR,
                "the stream sent an event that is not a JSON object: " + snippet(data));
    }

    static String snippet(String text) {
        return text.length() <= 200 ? text : text.substring(0, 200) + "...";
    }

    /** A string field, or null when absent or not a string. */
    static String text(JsonNode node) {
        return node != null && node.isTextual() ? node.asText() : null;
    }

    /** Tool call arguments as JSON text: a string as it is (OpenAI's form), an object written out, else empty. */
    static String arguments(JsonNode node) {
        return node == null || node.isNull() || node.isMissingNode() ? ""
                : node.isTextual() ? node.asText() : node.toString();
    }

    /** An integer field, or null when absent. */
    static Integer count(JsonNode node) {
        return node != null && node.isNumber() ? node.asInt() : null;
    }
}
