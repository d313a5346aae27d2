package io.hybridllm.embedding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.api.Test;

class MiniLmEmbedderTest {

    private final MiniLmEmbedder embedder = MiniLmEmbedder.shared();

    @Test
    void textsAlikeInMeaningAreCloserThanUnrelatedOnes() {
        var vectors = embedder.embedAll(List.of("The cat sits on the mat.", "A cat is sitting on a rug.",
                "Quarterly VAT return for the accounting department.")).vectors();

        assertThat(vectors).hasSize(3).allSatisfy(v -> assertThat(v).hasSize(MiniLmEmbedder.DIMENSIONS));
        double alike = Vectors.similarity(vectors.get(0), vectors.get(1));
        double unrelated = Vectors.similarity(vectors.get(0), vectors.get(2));
        assertThat(alike).isGreaterThan(0.6).isGreaterThan(unrelated + 0.3);
    }

    @Test
    void vectorsAreUnitLengthAndTheSameTextGivesTheSameVector() {
        float[] once = embedder.embed("What is the capital of France?");
        float[] again = embedder.embed("What is the capital of France?");

        assertThat(Vectors.similarity(once, once)).isCloseTo(1.0, within(1e-4));
        assertThat(again).containsExactly(once);
    }

    @Test
    void aTextLongerThanTheWindowIsReadOnlyUpToItAndItsWholeLengthCanBeCountedFirst() {
        String longText = "Kafka partitions order records by key. ".repeat(400);
        Embeddings result = embedder.embedAll(List.of(longText));

        assertThat(result.vectors().getFirst()).hasSize(MiniLmEmbedder.DIMENSIONS);
        assertThat(result.inputTokens()).isEqualTo(MiniLmEmbedder.WINDOW_TOKENS);
        assertThat(embedder.tokens(longText)).isEqualTo(4_000);
        assertThat(embedder.tokens("The cat sits on the mat.")).isEqualTo(7);
    }

    @Test
    void theBase64WireFormRoundTripsAndRefusesTornValues() {
        float[] vector = { 0.25f, -1.5f, 3.0f };
        assertThat(Vectors.fromBase64(Vectors.toBase64(vector))).containsExactly(vector);
        assertThatThrownBy(() -> Vectors.fromBase64("AAAAAP8=")).hasMessageContaining("not a whole number of float32");
    }
}
