package io.hybridllm.worker.local.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.hybridllm.contracts.CallStarted;
import io.hybridllm.contracts.Cancellation;
import io.hybridllm.contracts.LlmReply;
import io.hybridllm.contracts.RoutedRequest;
import io.hybridllm.contracts.Target;
import io.hybridllm.contracts.Tier;
import io.hybridllm.contracts.Topics;
import io.hybridllm.contracts.json.Json;
import io.hybridllm.testkit.kafka.KafkaProbe;
import io.hybridllm.testkit.kafka.Published;
import io.hybridllm.testkit.quarkus.KafkaTestResource;
import io.hybridllm.worker.local.OllamaSimulatorResource;
import io.hybridllm.worker.local.Requests;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** A worker announces each model call it begins on llm.progress, for ingest to show the request as running. */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(OllamaSimulatorResource.class)
class ProgressTest {

    private static final KafkaProbe kafka = KafkaProbe.shared();

    @Test
    void aCallIsAnnouncedWithItsTierModelWorkerAndAttempt() {
        RoutedRequest routed = Requests.routed("local-progress-1", Tier.LOCAL_FAST,
                new Target("ollama", "llama3.2:1b"));
        kafka.send(Topics.TIER_LOCAL_FAST, routed.id(), Json.write(routed));
        assertThat(Published.reply(kafka, Topics.REPLIES, routed.id()).status()).isEqualTo(LlmReply.Status.SUCCEEDED);

        CallStarted call = kafka.awaitMessage(Topics.PROGRESS, routed.id(), CallStarted.class, Published.WAIT);
        assertThat(call.tenant()).isEqualTo(Requests.TENANT);
        assertThat(call.tier()).isEqualTo(Tier.LOCAL_FAST);
        assertThat(call.provider()).isEqualTo("ollama");
        assertThat(call.model()).isEqualTo("llama3.2:1b");
        assertThat(call.attempt()).isEqualTo(1);
        assertThat(call.worker()).contains("/" + ProcessHandle.current().pid());
    }

    @Test
    void aCancelledRequestAnnouncesNoCall() {
        RoutedRequest routed = Requests.routed("local-progress-cancelled", Tier.LOCAL_FAST,
                new Target("ollama", "llama3.2:1b"));
        kafka.send(Topics.CANCELLATIONS, routed.id(), Json.write(Cancellation.of(routed.id(), Requests.TENANT)));
        // A tombstone of another, long-ended request's cancellation is skipped, not a failure.
        kafka.send(Topics.CANCELLATIONS, "long-ended", null);
        kafka.send(Topics.TIER_LOCAL_FAST, routed.id(), Json.write(routed));
        assertThat(Published.reply(kafka, Topics.REPLIES, routed.id()).error().code().name()).isEqualTo("CANCELLED");
        assertThatThrownBy(() -> kafka.awaitKey(Topics.PROGRESS, routed.id(), Duration.ofSeconds(2)))
                .isInstanceOf(AssertionError.class);
    }
}
