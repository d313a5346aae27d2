package io.hybridllm.worker.core;

import io.hybridllm.contracts.ErrorInfo;
import io.hybridllm.contracts.TokenUsage;

/** What one call to a model returned: an answer with the provider's token counts, or why there is none. */
public sealed interface CallResult {

    record Answered(String answer, TokenUsage usage) implements CallResult {
    }

    record Failed(ErrorInfo error) implements CallResult {
    }
}
