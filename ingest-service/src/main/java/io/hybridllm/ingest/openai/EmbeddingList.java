package io.hybridllm.ingest.openai;

import java.util.ArrayList;
import java.util.List;

import io.hybridllm.contracts.TokenUsage;
import io.hybridllm.embedding.Vectors;
import io.hybridllm.ingest.rest.RequestView;

/**
 * OpenAI's embeddings answer, made from a succeeded embed request: one item per input in order, each vector as numbers
 * or, for {@code encoding_format: "base64"}, as the base64 float32 the reply already carries.
 */
public record EmbeddingList(String object, List<Item> data, String model, Usage usage) {

    /** {@code embedding} is an array of numbers or a base64 string. */
    public record Item(String object, int index, Object embedding) {
    }

    public record Usage(long promptTokens, long totalTokens) {
    }

    public static EmbeddingList of(RequestView view, boolean base64) {
        List<String> vectors = view.embeddings().vectors();
        List<Item> items = new ArrayList<>(vectors.size());
        for (int i = 0; i < vectors.size(); i++) {
            items.add(new Item("embedding", i, base64 ? vectors.get(i) : Vectors.fromBase64(vectors.get(i))));
        }
        TokenUsage usage = view.usage() == null ? TokenUsage.NONE : view.usage();
        return new EmbeddingList("list", items, view.provider() + "/" + view.model(),
                new Usage(usage.promptTokens(), usage.promptTokens()));
    }
}
