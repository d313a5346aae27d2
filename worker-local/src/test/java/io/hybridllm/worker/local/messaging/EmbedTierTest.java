package io.hybridllm.worker.local.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.hybridllm.contracts.Attempt;
import io.hybridllm.contracts.ErrorInfo.ErrorCode;
import io.hybridllm.contracts.LlmReply;
import io.hybridllm.contracts.RoutedRequest;
import io.hybridllm.contracts.Target;
import io.hybridllm.contracts.Tier;
import io.hybridllm.contracts.Topics;
import io.hybridllm.contracts.UsageEvent;
import io.hybridllm.contracts.json.Json;
import io.hybridllm.embedding.MiniLmEmbedder;
import io.hybridllm.embedding.Vectors;
import io.hybridllm.testkit.kafka.KafkaProbe;
import io.hybridllm.testkit.kafka.Published;
import io.hybridllm.testkit.quarkus.KafkaTestResource;
import io.hybridllm.worker.local.OllamaSimulatorResource;
import io.hybridllm.worker.local.Requests;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Embed requests on the local worker: the built-in policy's in-process model (free, 384 dimensions), Ollama's
 * {@code /api/embed}, and an input too long for the in-process window failing over instead of being cut.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(value = OllamaSimulatorResource.class, initArgs = @ResourceArg(name = "models", value = "llama3.2:1b,llama3.1:8b,nomic-embed-text"))
class EmbedTierTest {

    private static final Target MINILM = new Target("minilm", MiniLmEmbedder.MODEL);
    private static final Target OLLAMA = new Target("ollama", "nomic-embed-text");

    private static LlmReply answer(RoutedRequest routed) {
        KafkaProbe.shared().send(Topics.TIER_LOCAL_FAST, routed.id(), Json.write(routed));
        return Published.reply(KafkaProbe.shared(), Topics.REPLIES, routed.id());
    }

    @Test
    void theInProcessModelAnswersFreeWithOneUnitVectorPerInputAndReportsItsTokens() {
        RoutedRequest routed = Requests.embed("embed-minilm-1", Tier.LOCAL_FAST, null,
                List.of("refund request", "the invoice is overdue"), MINILM);
        LlmReply reply = answer(routed);
        assertThat(reply.status()).isEqualTo(LlmReply.Status.SUCCEEDED);
        assertThat(reply.provider()).isEqualTo("minilm");
        assertThat(reply.embeddings().dimensions()).isEqualTo(384);
        assertThat(reply.embeddings().vectors()).hasSize(2);
        float[] first = Vectors.fromBase64(reply.embeddings().vectors().getFirst());
        assertThat(Vectors.similarity(first, first)).isBetween(0.999, 1.001);
        assertThat(reply.usage().promptTokens()).isPositive();
        assertThat(reply.costUsd()).isEqualByComparingTo(BigDecimal.ZERO);

        UsageEvent usage = Published.usageEvent(KafkaProbe.shared(), routed.id());
        assertThat(usage.usage()).isEqualTo(reply.usage());
        assertThat(usage.provider()).isEqualTo("minilm");
    }

    @Test
    void ollamaEmbedsWithTheDimensionsAsked() {
        LlmReply reply = answer(Requests.embed("embed-ollama-1", Tier.LOCAL_FAST, 16, List.of("hello"), OLLAMA));
        assertThat(reply.status()).isEqualTo(LlmReply.Status.SUCCEEDED);
        assertThat(reply.provider()).isEqualTo("ollama");
        assertThat(reply.embeddings().dimensions()).isEqualTo(16);
        assertThat(reply.usage().promptTokens()).isEqualTo(2);
    }

    @Test
    void anInputBeyondTheInProcessWindowFailsOverRatherThanBeingCut() {
        String longText = "the quick brown fox jumps over the lazy dog ".repeat(30);
        LlmReply reply = answer(
                Requests.embed("embed-long-1", Tier.LOCAL_FAST, null, List.of("short", longText), MINILM, OLLAMA));
        assertThat(reply.status()).isEqualTo(LlmReply.Status.SUCCEEDED);
        assertThat(reply.provider()).isEqualTo("ollama");
        assertThat(reply.attempts()).hasSize(2);
        Attempt refused = reply.attempts().getFirst();
        assertThat(refused.outcome()).isEqualTo(Attempt.Outcome.FAILED);
        assertThat(refused.errorCode()).isEqualTo(ErrorCode.CONTEXT_TOO_LONG);
        assertThat(refused.detail()).contains("input 1 has").contains("reads at most 126");
    }

    @Test
    void anInputTooLongForEveryTargetFailsWithTheReason() {
        String longText = "the quick brown fox jumps over the lazy dog ".repeat(30);
        LlmReply reply = answer(Requests.embed("embed-long-2", Tier.LOCAL_FAST, null, List.of(longText), MINILM));
        assertThat(reply.status()).isEqualTo(LlmReply.Status.FAILED);
        assertThat(reply.error().code()).isEqualTo(ErrorCode.CONTEXT_TOO_LONG);
        assertThat(reply.error().message()).contains("would ignore the rest");
    }
}
