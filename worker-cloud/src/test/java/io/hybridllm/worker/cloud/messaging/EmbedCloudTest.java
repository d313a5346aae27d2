package io.hybridllm.worker.cloud.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.hybridllm.contracts.ErrorInfo.ErrorCode;
import io.hybridllm.contracts.LlmReply;
import io.hybridllm.contracts.LlmRequest;
import io.hybridllm.contracts.RoutedRequest;
import io.hybridllm.contracts.RoutingDecision;
import io.hybridllm.contracts.Target;
import io.hybridllm.contracts.TaskType;
import io.hybridllm.contracts.Tier;
import io.hybridllm.contracts.UsageEvent;
import io.hybridllm.contracts.pricing.PriceCatalogue;
import io.hybridllm.embedding.Vectors;
import io.hybridllm.testkit.kafka.KafkaProbe;
import io.hybridllm.testkit.kafka.Published;
import io.hybridllm.testkit.quarkus.KafkaTestResource;
import io.hybridllm.worker.cloud.OpenAiSimulatorResource;
import io.hybridllm.worker.cloud.Requests;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Embed requests on the cloud tier: OpenAI's /v1/embeddings, priced by the embedding model's input price. */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(OpenAiSimulatorResource.class)
class EmbedCloudTest {

    private static RoutedRequest embed(String id, Integer dimensions, String model, String... inputs) {
        LlmRequest request = new LlmRequest(0, id, Requests.TENANT, null, TaskType.EMBED, null, null, null, null, null,
                null, null, List.of(inputs), dimensions);
        return new RoutedRequest(request, new RoutingDecision(Tier.CLOUD, List.of(new Target("openai", model)), 0.0,
                List.of(), "embed", "hybrid", "test-1", null));
    }

    @Test
    void anEmbedRequestIsAnsweredWithVectorsAndPricedAtTheModelsInputPrice() {
        RoutedRequest routed = embed("cloud-embed-1", 64, "text-embedding-3-small", "refund request",
                "the invoice is overdue");
        LlmReply reply = Requests.answer(routed);
        assertThat(reply.status()).isEqualTo(LlmReply.Status.SUCCEEDED);
        assertThat(reply.embeddings().dimensions()).isEqualTo(64);
        assertThat(reply.embeddings().vectors()).hasSize(2)
                .allSatisfy(vector -> assertThat(Vectors.fromBase64(vector)).hasSize(64));
        assertThat(reply.usage().promptTokens()).isPositive();
        assertThat(reply.usage().completionTokens()).isZero();
        assertThat(reply.costUsd()).isPositive().isEqualByComparingTo(
                PriceCatalogue.defaults().price("openai", "text-embedding-3-small", reply.usage()).orElseThrow());

        UsageEvent event = Published.usageEvent(KafkaProbe.shared(), routed.id());
        assertThat(event.usage()).isEqualTo(reply.usage());
        assertThat(event.costUsd()).isEqualByComparingTo(reply.costUsd());
        assertThat(event.taskType()).isEqualTo(TaskType.EMBED);
    }

    @Test
    void aModelTheProviderLacksFailsWithTheProvidersReason() {
        LlmReply reply = Requests.answer(embed("cloud-embed-2", null, "no-such-embedder", "x"));
        assertThat(reply.status()).isEqualTo(LlmReply.Status.FAILED);
        assertThat(reply.error().code()).isIn(ErrorCode.PROVIDER_UNAVAILABLE, ErrorCode.TARGET_UNSUITABLE);
        assertThat(reply.error().message()).contains("no-such-embedder");
    }
}
