package io.hybridllm.worker.core;

import io.hybridllm.contracts.ErrorInfo;
import io.hybridllm.contracts.TokenUsage;

/** What one call to a model returned: an answer with the provider's token counts, or why there is none. */
public sealed interface CallResult {

    /**
     * @param truncated
     *            the model stopped at its token limit (Ollama {@code done_reason}, OpenAI {@code finish_reason}
     *            {@code length}), so the answer is cut off
     */
    record Answered(String answer, TokenUsage usage, boolean truncated) implements CallResult {

        public Answered(String answer, TokenUsage usage) {
            this(answer, usage, false);
        }
    }

    record Failed(ErrorInfo error) implements CallResult {
    }
}
