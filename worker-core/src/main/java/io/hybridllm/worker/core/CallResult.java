package io.hybridllm.worker.core;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.hybridllm.contracts.EmbeddingVectors;
import io.hybridllm.contracts.ErrorInfo;
import io.hybridllm.contracts.FinishReason;
import io.hybridllm.contracts.TokenUsage;
import io.hybridllm.contracts.ToolCall;

/** What one call to a model returned: an answer with the provider's token counts, or why there is none. */
public sealed interface CallResult {

    /**
     * The id of the API key the call was made with (never the key itself), or null when it took none. Attempts record
     * it, so that a key's calls can be told apart in a request's history.
     */
    String keyId();

    /**
     * @param finishReason
     *            why the model stopped, from the provider's own field; {@code length} (Ollama {@code done_reason},
     *            OpenAI {@code finish_reason}, Anthropic {@code max_tokens}...) means the answer is cut off
     * @param toolCalls
     *            the functions the model asks to be called, or null
     * @param embeddings
     *            the vectors of an embed request's inputs (the answer is then empty), or null
     */
    record Answered(String answer, TokenUsage usage, FinishReason finishReason, List<ToolCall> toolCalls, String keyId,
            EmbeddingVectors embeddings) implements CallResult {

        public Answered {
            finishReason = finishReason == null ? FinishReason.STOP : finishReason;
            toolCalls = toolCalls == null || toolCalls.isEmpty() ? null : List.copyOf(toolCalls);
        }

        public Answered(String answer, TokenUsage usage, FinishReason finishReason, List<ToolCall> toolCalls,
                String keyId) {
            this(answer, usage, finishReason, toolCalls, keyId, null);
        }

        /** The vectors of an embed request, with the input tokens the provider counted. */
        public static Answered embedded(EmbeddingVectors embeddings, TokenUsage usage) {
            return new Answered("", usage, FinishReason.STOP, null, null, embeddings);
        }

        public Answered(String answer, TokenUsage usage, FinishReason finishReason, List<ToolCall> toolCalls) {
            this(answer, usage, finishReason, toolCalls, null);
        }

        public Answered(String answer, TokenUsage usage, boolean truncated) {
            this(answer, usage, truncated ? FinishReason.LENGTH : FinishReason.STOP, null, null);
        }

        public Answered(String answer, TokenUsage usage) {
            this(answer, usage, false);
        }

        /** The model stopped at its token limit. */
        public boolean truncated() {
            return finishReason == FinishReason.LENGTH;
        }

        public Answered withKey(String id) {
            return new Answered(answer, usage, finishReason, toolCalls, id, embeddings);
        }
    }

    /**
     * A failed call. {@code retryAfter} is how long the provider asked us to wait (Retry-After, or its rate-limit reset
     * headers) before the next call, or null when it said nothing; a retry or failover decision can honour it.
     */
    record Failed(ErrorInfo error, Duration retryAfter, String keyId) implements CallResult {

        public Failed {
            if (retryAfter != null && retryAfter.isNegative()) {
                throw new IllegalArgumentException("retryAfter must not be negative: " + retryAfter);
            }
        }

        public Failed(ErrorInfo error, Duration retryAfter) {
            this(error, retryAfter, null);
        }

        public Failed(ErrorInfo error) {
            this(error, null);
        }

        public Failed withKey(String id) {
            return new Failed(error, retryAfter, id);
        }

        public Optional<Duration> retryAfterHint() {
            return Optional.ofNullable(retryAfter);
        }
    }
}
