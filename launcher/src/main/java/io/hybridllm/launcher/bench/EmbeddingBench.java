package io.hybridllm.launcher.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.hybridllm.embedding.MiniLmEmbedder;

/**
 * Throughput of the in-process embedding model on one thread, as worker-local runs it for one slot: texts per second
 * for batches of 1 and of 16 texts of 8-40 words (within the model's 126-piece window).
 */
final class EmbeddingBench {

    private static final String[] WORDS = ("the invoice for march is overdue and the customer asks for a refund of the "
            + "duplicate charge while support reviews the account history before replying with a summary of the "
            + "steps taken to resolve the issue and prevent it from happening again").split(" ");

    static void run(int texts, PrintStream out) {
        MiniLmEmbedder model = MiniLmEmbedder.shared();
        List<String> corpus = new ArrayList<>(texts);
        for (int i = 0; i < texts; i++) {
            int length = 8 + i % 33;
            StringBuilder text = new StringBuilder();
            for (int w = 0; w < length; w++) {
                text.append(WORDS[(i * 7 + w) % WORDS.length]).append(' ');
            }
            corpus.add(text.toString().strip());
        }
        measure(model, corpus.subList(0, Math.min(200, texts)), 16, null);
        out.printf(Locale.ROOT, "%s, %d texts of 8-40 words, one thread%n", MiniLmEmbedder.MODEL, texts);
        for (int batch : new int[] { 1, 16 }) {
            measure(model, corpus, batch, out);
        }
    }

    private static void measure(MiniLmEmbedder model, List<String> corpus, int batch, PrintStream out) {
        long tokens = 0;
        long started = System.nanoTime();
        for (int from = 0; from < corpus.size(); from += batch) {
            tokens += model.embedAll(corpus.subList(from, Math.min(corpus.size(), from + batch))).inputTokens();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        if (out != null) {
            out.printf(Locale.ROOT, "batch %2d: %8.1f texts/s  %9.0f tokens/s  (%.2f s)%n", batch,
                    corpus.size() / seconds, tokens / seconds, seconds);
        }
    }

    private EmbeddingBench() {
    }
}
