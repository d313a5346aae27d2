package io.hybridllm.contracts;

import static io.hybridllm.contracts.json.Check.require;

/** Token counts exactly as the provider reported them. */
public record TokenUsage(int promptTokens, int completionTokens) {

    public static final TokenUsage NONE = new TokenUsage(0, 0);

    public TokenUsage {
        require(promptTokens >= 0, "prompt_tokens", "must not be negative");
        require(completionTokens >= 0, "completion_tokens", "must not be negative");
    }

    public int totalTokens() {
        return promptTokens + completionTokens;
    }
}
