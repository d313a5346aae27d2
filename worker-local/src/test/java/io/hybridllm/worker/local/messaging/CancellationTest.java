package io.hybridllm.worker.local.messaging;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;

import org.junit.jupiter.api.Test;

import io.hybridllm.contracts.Cancellation;
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

/** A request its client cancelled before a worker started it is answered cancelled, without a call. */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(OllamaSimulatorResource.class)
class CancellationTest {

    private static final KafkaProbe kafka = KafkaProbe.shared();

    @OllamaSimulatorResource.Simulator
    OllamaSimulator ollama;

    @Test
    void aCancelledRequestIsSkippedWithoutACall() {
        RoutedRequest routed = Requests.routed("local-cancelled-1", Tier.LOCAL_FAST,
                new Target("ollama", "llama3.2:1b"));
        kafka.send(Topics.CANCELLATIONS, routed.id(), Json.write(Cancellation.of(routed.id(), Requests.TENANT)));
        await().atMost(Published.WAIT).untilAsserted(
                () -> given().get("/q/metrics").then().body(containsString("hybrid_worker_cancellations "))
                        .body(org.hamcrest.Matchers.not(containsString("hybrid_worker_cancellations 0.0"))));
        long calls = ollama.calls();

        kafka.send(Topics.TIER_LOCAL_FAST, routed.id(), Json.write(routed));
        LlmReply reply = Published.reply(kafka, Topics.REPLIES, routed.id());
        assertThat(reply.status()).isEqualTo(LlmReply.Status.FAILED);
        assertThat(reply.error().code()).isEqualTo(ErrorCode.CANCELLED);
        assertThat(reply.error().message()).contains("cancelled by its client");
        assertThat(reply.attempts()).isEmpty();
        assertThat(ollama.calls()).isEqualTo(calls);
    }
}
