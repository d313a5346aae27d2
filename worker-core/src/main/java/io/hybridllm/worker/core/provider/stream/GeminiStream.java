package io.hybridllm.worker.core.provider.stream;

import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Gemini's {@code streamGenerateContent?alt=sse}: each event a whole {@code GenerateContentResponse} holding the next
 * piece in {@code candidates[0].content.parts} (text, or a whole {@code functionCall}), the last with
 * {@code finishReason} and {@code usageMetadata}; the stream has no end marker, so a finish reason is what completes
 * the answer.
 */
public final class GeminiStream implements StreamReader {

    private static final Set<String> WITHHELD = Set.of("SAFETY", "RECITATION", "BLOCKLIST", "PROHIBITED_CONTENT",
            "SPII", "IMAGE_SAFETY");

    private final String provider;

    public GeminiStream(String provider) {
        this.provider = provider;
    }

    @Override
    public boolean read(String event, JsonNode data, StreamedAnswer answer) throws StreamException {
        JsonNode error = data.path("error");
        if (error.isObject()) {
            throw StreamErrors.of(provider, error.path("status").asText(""), error.path("message").asText(""));
        }
        String blocked = data.path("promptFeedback").path("blockReason").asText("");
        if (!blocked.isEmpty()) {
            throw StreamErrors.filtered(provider, "promptFeedback.blockReason " + blocked);
        }
        JsonNode candidate = data.path("candidates").path(0);
        for (JsonNode part : candidate.path("content").path("parts")) {
            if (part.path("text").isTextual() && !part.path("thought").asBoolean(false)) {
                answer.text(part.get("text").asText());
            }
            JsonNode call = part.path("functionCall");
            if (call.isObject()) {
                // Gemini streams each call whole; without args it takes none, as the answer without streaming reads.
                answer.wholeToolCall(StreamReader.text(call.get("id")), StreamReader.text(call.get("name")),
                        call.path("args").isObject() ? call.get("args").toString() : "{}");
            }
        }
        String finish = candidate.path("finishReason").asText("");
        if (WITHHELD.contains(finish)) {
            throw StreamErrors.filtered(provider, "finishReason " + finish);
        }
        if (finish.equals("MAX_TOKENS")) {
            answer.truncated();
        }
        if (!finish.isEmpty() && !finish.equals("FINISH_REASON_UNSPECIFIED")) {
            answer.finished();
        }
        JsonNode usage = data.path("usageMetadata");
        if (usage.isObject()) {
            // Thinking models bill their thoughts as output tokens, counted apart from the candidates' tokens.
            Integer output = StreamReader.count(usage.get("candidatesTokenCount"));
            Integer thoughts = StreamReader.count(usage.get("thoughtsTokenCount"));
            answer.usage(StreamReader.count(usage.get("promptTokenCount")), output == null && thoughts == null ? null
                    : (output == null ? 0 : output) + (thoughts == null ? 0 : thoughts));
        }
        return true;
    }
}
