package io.hybridllm.ingest.openai;

import java.time.Instant;
import java.util.List;

import io.hybridllm.contracts.LlmReply;
import io.hybridllm.contracts.TokenUsage;
import io.hybridllm.ingest.rest.RequestView;

/** OpenAI's chat completion object, made from a succeeded reply; its id names the request. */
public record ChatCompletion(String id, String object, long created, String model, List<Choice> choices, Usage usage,
        String systemFingerprint) {

    public record Choice(int index, Message message, String finishReason) {
    }

    public record Message(String role, String content) {
    }

    public record Usage(long promptTokens, long completionTokens, long totalTokens) {
        static Usage of(TokenUsage usage) {
            return new Usage(usage.promptTokens(), usage.completionTokens(),
                    usage.promptTokens() + usage.completionTokens());
        }
    }

    /** The id a completion of request {@code requestId} has. */
    public static String idOf(String requestId) {
        return "chatcmpl-" + requestId;
    }

    /** The completion of a request that succeeded; {@code model} is the provider/model that answered. */
    public static ChatCompletion of(RequestView view) {
        return of(view.id(), view.answer(), view.provider(), view.model(), view.usage(), view.completedAt());
    }

    public static ChatCompletion of(LlmReply reply) {
        return of(reply.requestId(), reply.answer(), reply.provider(), reply.model(), reply.usage(),
                reply.completedAt());
    }

    private static ChatCompletion of(String requestId, String answer, String provider, String model, TokenUsage usage,
            Instant completedAt) {
        return new ChatCompletion(idOf(requestId), "chat.completion", completedAt.getEpochSecond(),
                provider == null ? ModelAliases.AUTO : provider + "/" + model,
                List.of(new Choice(0, new Message("assistant", answer), "stop")),
                Usage.of(usage == null ? TokenUsage.NONE : usage), "hybrid-llm");
    }
}
