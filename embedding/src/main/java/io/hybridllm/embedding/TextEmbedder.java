package io.hybridllm.embedding;

import java.util.List;

/** Turns texts into unit-length vectors: the closer two texts are in meaning, the larger their dot product. */
public interface TextEmbedder {

    /** The model's name as it appears in replies, usage and prices. */
    String model();

    /** The length of every vector this embedder returns. */
    int dimensions();

    /** One vector per text, in order, and the input tokens the model read. */
    Embeddings embedAll(List<String> texts);

    default float[] embed(String text) {
        return embedAll(List.of(text)).vectors().getFirst();
    }
}
