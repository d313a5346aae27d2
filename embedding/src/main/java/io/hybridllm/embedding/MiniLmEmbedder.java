package io.hybridllm.embedding;

import java.util.ArrayList;
import java.util.List;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.HuggingFaceTokenCountEstimator;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;

/**
 * all-MiniLM-L6-v2 (quantized, 384 dimensions) run in this process by ONNX Runtime, from the model file inside its jar.
 * Loading takes about a second and some 100 MB, so a process holds one ({@link #shared()}). The model reads the first
 * {@value #WINDOW_TOKENS} word pieces of a text and ignores the rest (its tokenizer's truncation): a caller that must
 * not lose input checks {@link #tokens} first. The work runs on the caller's thread, so the caller's own pool bounds
 * how many embeddings run at once.
 */
public final class MiniLmEmbedder implements TextEmbedder {

    public static final String MODEL = "all-minilm-l6-v2";
    public static final int DIMENSIONS = 384;
    /** The word pieces of a text the model reads: its window of 128 less the two markers it adds. */
    public static final int WINDOW_TOKENS = 126;

    private final AllMiniLmL6V2QuantizedEmbeddingModel model = new AllMiniLmL6V2QuantizedEmbeddingModel(Runnable::run);

    private final HuggingFaceTokenCountEstimator tokenizer = new HuggingFaceTokenCountEstimator();

    private MiniLmEmbedder() {
    }

    /** The process's one instance, loaded on first use. */
    public static MiniLmEmbedder shared() {
        return Holder.INSTANCE;
    }

    @Override
    public String model() {
        return MODEL;
    }

    @Override
    public int dimensions() {
        return DIMENSIONS;
    }

    /** The word pieces of the whole text (linear in its length), to compare with {@link #WINDOW_TOKENS}. */
    public int tokens(String text) {
        return tokenizer.estimateTokenCountInText(text);
    }

    @Override
    public Embeddings embedAll(List<String> texts) {
        var response = model.embedAll(texts.stream().map(TextSegment::from).toList());
        List<float[]> vectors = new ArrayList<>(texts.size());
        response.content().forEach(embedding -> vectors.add(Vectors.normalised(embedding.vector())));
        Integer tokens = response.tokenUsage() == null ? null : response.tokenUsage().inputTokenCount();
        return new Embeddings(vectors, tokens == null ? 0 : tokens);
    }

    private static final class Holder {
        static final MiniLmEmbedder INSTANCE = new MiniLmEmbedder();
    }
}
