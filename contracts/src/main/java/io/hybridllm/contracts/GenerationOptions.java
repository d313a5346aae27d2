package io.hybridllm.contracts;

import static io.hybridllm.contracts.json.Check.require;

/**
 * How the model should generate; absent values mean the backend's defaults. {@code stream} asks for the answer's pieces
 * on {@value Topics#STREAM} as the model writes them ({@link StreamChunk}); the reply is the same either way.
 */
public record GenerationOptions(Integer maxTokens, Double temperature, boolean stream) {

    public static final GenerationOptions DEFAULTS = new GenerationOptions(null, null);

    public GenerationOptions {
        require(maxTokens == null || (maxTokens > 0 && maxTokens <= 1_000_000), "max_tokens",
                "must be between 1 and 1000000");
        require(temperature == null || (temperature >= 0 && temperature <= 2), "temperature",
                "must be between 0 and 2");
    }

    public GenerationOptions(Integer maxTokens, Double temperature) {
        this(maxTokens, temperature, false);
    }

    public GenerationOptions streamed() {
        return new GenerationOptions(maxTokens, temperature, true);
    }
}
