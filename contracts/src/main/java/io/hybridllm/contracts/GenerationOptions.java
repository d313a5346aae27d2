package io.hybridllm.contracts;

import static io.hybridllm.contracts.json.Check.require;

/** How the model should generate; absent values mean the backend's defaults. */
public record GenerationOptions(Integer maxTokens, Double temperature) {

    public static final GenerationOptions DEFAULTS = new GenerationOptions(null, null);

    public GenerationOptions {
        require(maxTokens == null || (maxTokens > 0 && maxTokens <= 1_000_000), "max_tokens",
                "must be between 1 and 1000000");
        require(temperature == null || (temperature >= 0 && temperature <= 2), "temperature",
                "must be between 0 and 2");
    }
}
