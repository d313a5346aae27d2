package io.hybridllm.embedding;

import java.util.List;

/** The vectors of a batch of texts, in input order, and the tokens the model read to compute them. */
public record Embeddings(List<float[]> vectors, int inputTokens) {

    public Embeddings {
        vectors = List.copyOf(vectors);
        if (inputTokens < 0) {
            throw new IllegalArgumentException("input tokens must not be negative: " + inputTokens);
        }
    }
}
