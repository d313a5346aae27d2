package io.hybridllm.worker.local.messaging;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.hybridllm.contracts.ErrorInfo.ErrorCode;
import io.hybridllm.contracts.LlmReply;
import io.hybridllm.contracts.RoutedRequest;
import io.hybridllm.contracts.Target;
import io.hybridllm.contracts.Tier;
import io.hybridllm.contracts.Topics;
import io.hybridllm.contracts.json.Json;
import io.hybridllm.testkit.kafka.KafkaProbe;
import io.hybridllm.testkit.kafka.Published;
import io.hybridllm.testkit.quarkus.KafkaTestResource;
import io.hybridllm.testkit.simulators.OllamaSimulator;
import io.hybridllm.worker.local.OllamaSimulatorResource;
import io.hybridllm.worker.local.Requests;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(OllamaSimulatorResource.class)
class ProviderFailureTest {

    private static final KafkaProbe kafka = KafkaProbe.shared();

    @OllamaSimulatorResource.Simulator
    OllamaSimulator ollama;

    private static LlmReply answer(RoutedRequest routed) {
        kafka.send(routed.decision().tier().topic(), routed.id(), Json.write(routed));
        return Published.reply(kafka, Topics.REPLIES, routed.id());
    }

    @Test
    void modelNoBackendHasIsRefusedWithoutACallNamingIt() {
        await().atMost(Published.WAIT).untilAsserted(() -> given().get("/q/health/group/backends").then()
                .body("checks[0].data.ollama", containsString("llama3.2:1b")));
        long callsBefore = ollama.calls();
        RoutedRequest routed = Requests.routed("local-404-1", Tier.LOCAL_FAST, new Target("ollama", "qwen9:404b"));
        LlmReply reply = answer(routed);

        assertThat(reply.status()).isEqualTo(LlmReply.Status.FAILED);
        assertThat(reply.error().code()).isEqualTo(ErrorCode.NO_PROVIDER);
        assertThat(reply.error().message()).contains("could answer ollama/qwen9:404b (ollama lacks the model)");
        assertThat(reply.model()).isEqualTo("qwen9:404b");
        assertThat(reply.attempts()).isEmpty();
        assertThat(ollama.calls()).isEqualTo(callsBefore);
    }

    @Test
    void serverErrorBecomesProviderError() {
        ollama.failNext(1, 500, Map.of());
        RoutedRequest routed = Requests.routed("local-500-1", Tier.LOCAL_QUALITY, new Target("ollama", "llama3.1:8b"));
        LlmReply reply = answer(routed);

        assertThat(reply.error().code()).isEqualTo(ErrorCode.PROVIDER_ERROR);
        assertThat(reply.error().message()).isEqualTo("ollama failed (HTTP 500): simulated fault");
        assertThat(Published.usageEvent(kafka, routed.id()).errorCode()).isEqualTo(ErrorCode.PROVIDER_ERROR);
    }

    @Test
    void expiredRequestIsAnsweredWithoutCallingOllama() {
        long callsBefore = ollama.calls();
        RoutedRequest routed = Requests.routed("local-expired-1", Tier.LOCAL_FAST, new Target("ollama", "llama3.2:1b"),
                Instant.now().minusSeconds(60), null);
        LlmReply reply = answer(routed);

        assertThat(reply.status()).isEqualTo(LlmReply.Status.FAILED);
        assertThat(reply.error().code()).isEqualTo(ErrorCode.EXPIRED);
        assertThat(reply.error().message()).contains("deadline");
        assertThat(reply.attempts()).isEmpty();
        assertThat(ollama.calls()).isEqualTo(callsBefore);
        // The reply is published together with any usage event, so a short wait is enough to see there is none.
        assertThatThrownBy(() -> Published.usage(kafka, routed.id(), Duration.ofSeconds(2)))
                .isInstanceOf(AssertionError.class);
    }

    @Test
    void targetOfAnotherProviderIsRefusedWithoutACall() {
        RoutedRequest routed = Requests.routed("local-foreign-1", Tier.LOCAL_FAST, new Target("vllm", "qwen2.5:7b"));
        LlmReply reply = answer(routed);

        assertThat(reply.error().code()).isEqualTo(ErrorCode.NO_PROVIDER);
        assertThat(reply.error().message()).contains("vllm/qwen2.5:7b (no backend of this provider here)");
        assertThat(reply.provider()).isEqualTo("vllm");
    }
}
