package io.hybridllm.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.hybridllm.contracts.json.InvalidMessageException;
import io.hybridllm.contracts.json.Json;

/** Embed requests carry bounded inputs instead of messages; their replies carry one base64 vector per input. */
class EmbedMessagesTest {

    private static LlmRequest embed(List<String> inputs, Integer dimensions) {
        return new LlmRequest(1, "e-1", "acme", null, TaskType.EMBED, null, null, null, null, null, null, null, inputs,
                dimensions);
    }

    @Test
    void anEmbedRequestRoundTripsWithItsInputsAndPromptTextCoversThem() {
        LlmRequest request = embed(List.of("refund request", "invoice overdue"), 256);
        String json = Json.write(request);
        assertThat(json).contains("\"task_type\":\"embed\"", "\"inputs\":[\"refund request\",\"invoice overdue\"]",
                "\"dimensions\":256");
        LlmRequest read = Json.read(json, LlmRequest.class);
        assertThat(read).isEqualTo(request);
        assertThat(read.embeds()).isTrue();
        assertThat(read.messages()).isEmpty();
        // Privacy and scoring read promptText: the inputs are what they must see.
        assertThat(read.promptText()).contains("refund request", "invoice overdue");
        assertThat(read.withAttempts(List.of()).inputs()).isEqualTo(request.inputs());
    }

    @Test
    void aRecordWrittenBeforeEmbeddingsReadsAsBefore() {
        LlmRequest old = Json.read("""
                {"id":"j-1","tenant":"t","messages":[{"role":"user","content":"hi"}]}""", LlmRequest.class);
        assertThat(old.inputs()).isNull();
        assertThat(old.embeds()).isFalse();
        assertThat(Json.write(old)).doesNotContain("inputs", "dimensions");
    }

    @Test
    void inputsAreRefusedWhereTheyDoNotBelongAndBoundedWhereTheyDo() {
        assertThatThrownBy(() -> Json.read("""
                {"id":"c","tenant":"t","inputs":["x"],"messages":[{"role":"user","content":"hi"}]}""",
                LlmRequest.class)).isInstanceOf(InvalidMessageException.class).hasMessageContaining("inputs")
                        .hasMessageContaining("only for task_type embed");
        assertThatThrownBy(() -> embed(null, null)).hasMessageContaining("at least one text");
        assertThatThrownBy(() -> embed(Collections.nCopies(EmbedInputs.MAX_INPUTS + 1, "x"), null))
                .hasMessageContaining("at most 64 texts (65 given)");
        assertThatThrownBy(() -> embed(List.of("x".repeat(EmbedInputs.MAX_INPUT_CHARS + 1)), null))
                .hasMessageContaining("at most 32768 characters");
        assertThatThrownBy(() -> embed(List.of(""), null)).hasMessageContaining("empty");
        assertThatThrownBy(() -> embed(List.of("x"), 0)).hasMessageContaining("dimensions");
        assertThatThrownBy(() -> new LlmRequest(1, "e", "t", null, TaskType.EMBED, List.of(ChatMessage.user("hi")),
                null, null, null, null, null, null, List.of("x"), null))
                        .hasMessageContaining("must be absent for task_type embed");
        assertThatThrownBy(
                () -> new LlmRequest(1, "e", "t", null, TaskType.EMBED, null,
                        new GenerationOptions(null, null, null, null, null, null, null, null, null, null, null, null,
                                true),
                        null, null, null, null, null, List.of("x"), null)).hasMessageContaining("options.stream");
    }

    @Test
    void aReplyCarriesOneVectorOfTheStatedLengthPerInput() {
        RoutedRequest routed = new RoutedRequest(embed(List.of("a", "b"), null), new RoutingDecision(Tier.LOCAL_FAST,
                List.of(new Target("minilm", "all-minilm-l6-v2")), 0.1, List.of(), "embed", "hybrid", "builtin", null));
        EmbeddingVectors vectors = new EmbeddingVectors(4,
                List.of("AAAAPwAAAD8AAAA/AAAAPw==", "AACAPwAAAAAAAAAAAAAAAA=="));
        LlmReply reply = LlmReply.embedded(routed, new Target("minilm", "all-minilm-l6-v2"), vectors,
                new TokenUsage(6, 0), BigDecimal.ZERO, 9, List.of());
        LlmReply read = Json.read(Json.write(reply), LlmReply.class);
        assertThat(read.embeddings()).isEqualTo(vectors);
        assertThat(read.answer()).isEmpty();
        assertThatThrownBy(() -> new EmbeddingVectors(8, vectors.vectors())).hasMessageContaining("8 float32 values");
        assertThat(EmbeddingVectors.fits(64, 2048)).isTrue();
        assertThat(EmbeddingVectors.fits(64, 3072)).isFalse();
    }
}
