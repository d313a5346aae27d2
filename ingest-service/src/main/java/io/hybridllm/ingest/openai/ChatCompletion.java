package io.hybridllm.ingest.openai;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.hybridllm.contracts.FinishReason;
import io.hybridllm.contracts.LlmReply;
import io.hybridllm.contracts.TokenUsage;
import io.hybridllm.contracts.ToolCall;
import io.hybridllm.contracts.json.Json;
import io.hybridllm.ingest.rest.RequestView;

/**
 * OpenAI's chat completion object, made from a succeeded reply; its id names the request. The finish reason is the
 * answering model's own, and tool calls come back in OpenAI's form whichever provider made them.
 */
public record ChatCompletion(String id, String object, long created, String model, List<Choice> choices, Usage usage,
        String systemFingerprint) {

    public record Choice(int index, Message message, String finishReason) {
    }

    /** {@code content} is null when the model only asked for tool calls, as OpenAI answers then. */
    public record Message(String role, @JsonInclude(JsonInclude.Include.ALWAYS) String content, List<Call> toolCalls) {
    }

    public record Call(String id, String type, Function function) {
        static Call of(ToolCall call) {
            return new Call(call.id(), "function", new Function(call.name(), call.arguments()));
        }
    }

    public record Function(String name, String arguments) {
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
        return of(view.id(), view.answer(), view.finishReason(), view.toolCalls(), view.provider(), view.model(),
                view.usage(), view.completedAt());
    }

    public static ChatCompletion of(LlmReply reply) {
        return of(reply.requestId(), reply.answer(), reply.finishReason(), reply.toolCalls(), reply.provider(),
                reply.model(), reply.usage(), reply.completedAt());
    }

    private static ChatCompletion of(String requestId, String answer, FinishReason finish, List<ToolCall> toolCalls,
            String provider, String model, TokenUsage usage, Instant completedAt) {
        List<Call> calls = toolCalls == null ? null : toolCalls.stream().map(Call::of).toList();
        String content = calls != null && (answer == null || answer.isEmpty()) ? null : answer;
        return new ChatCompletion(idOf(requestId), "chat.completion", completedAt.getEpochSecond(),
                provider == null ? ModelAliases.AUTO : provider + "/" + model,
                List.of(new Choice(0, new Message("assistant", content, calls),
                        Json.wireName(finish == null ? FinishReason.STOP : finish))),
                Usage.of(usage == null ? TokenUsage.NONE : usage), "hybrid-llm");
    }
}
