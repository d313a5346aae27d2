package io.hybridllm.contracts;

import static io.hybridllm.contracts.json.Check.require;

import java.util.List;

/**
 * The answer to an {@link TaskType#EMBED embed} request: one vector per input, in input order, each as little-endian
 * float32 values in base64 (OpenAI's {@code encoding_format: "base64"}), which is about a third of the size of the
 * numbers as JSON text.
 */
public record EmbeddingVectors(int dimensions, List<String> vectors) {

    /** Base64 characters of all vectors together: the reply must fit one Kafka message (1 MB by default). */
    public static final int MAX_VECTOR_CHARS = 700_000;

    public EmbeddingVectors {
        require(dimensions > 0, "embeddings.dimensions", "must be positive");
        require(vectors != null && !vectors.isEmpty(), "embeddings.vectors", "must hold one vector per input");
        int perVector = (dimensions * Float.BYTES + 2) / 3 * 4;
        require(vectors.stream().allMatch(v -> v != null && v.length() == perVector), "embeddings.vectors",
                "must each be " + dimensions + " float32 values in base64 (" + perVector + " characters)");
        require((long) perVector * vectors.size() <= MAX_VECTOR_CHARS, "embeddings.vectors",
                "hold at most " + MAX_VECTOR_CHARS + " base64 characters together: ask for fewer inputs or dimensions");
        vectors = List.copyOf(vectors);
    }

    /** Whether {@code count} vectors of {@code dimensions} fit one reply, checked before they are encoded. */
    public static boolean fits(int count, int dimensions) {
        return (long) (dimensions * Float.BYTES + 2) / 3 * 4 * count <= MAX_VECTOR_CHARS;
    }
}
