package io.hybridllm.worker.local.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.hybridllm.contracts.Attempt;
import io.hybridllm.contracts.ChatMessage;
import io.hybridllm.contracts.ContentPart;
import io.hybridllm.contracts.ErrorInfo.ErrorCode;
import io.hybridllm.contracts.LlmReply;
import io.hybridllm.contracts.LlmRequest;
import io.hybridllm.contracts.RoutedRequest;
import io.hybridllm.contracts.RoutingDecision;
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

/**
 * Where the call would be paid for, a target the policy in force says cannot take the request is not called: the router
 * skips it, and so does the worker when a decision still names one (the policy changed in between).
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(OllamaSimulatorResource.class)
class UnfitTargetTest {

    private static final KafkaProbe kafka = KafkaProbe.shared();

    @OllamaSimulatorResource.Simulator
    OllamaSimulator ollama;

    @Test
    void aTargetThatCannotTakeTheImageIsNotCalledAndTheReplySaysWhy() {
        long before = ollama.calls();
        LlmRequest request = new LlmRequest(0, "unfit-1", Requests.TENANT, null, null,
                List.of(ChatMessage.userParts(List.of(new ContentPart.Text("What is this?"),
                        new ContentPart.Image("data:image/png;base64,iVBORw0KGgo=", null)))),
                null, null, null, null, null, null);
        RoutedRequest routed = new RoutedRequest(request,
                new RoutingDecision(Tier.LOCAL_FAST, List.of(new Target("ollama", "llama3.2:1b", Tier.LOCAL_FAST)), 0.1,
                        List.of(), "test route", "hybrid", "test-1", null, null));
        kafka.send(Topics.TIER_LOCAL_FAST, routed.id(), Json.write(routed));

        LlmReply reply = Published.reply(kafka, Topics.REPLIES, routed.id());
        assertThat(reply.status()).isEqualTo(LlmReply.Status.FAILED);
        assertThat(reply.error().code()).isEqualTo(ErrorCode.TARGET_UNSUITABLE);
        assertThat(reply.error().message()).contains("llama3.2:1b does not take images");
        assertThat(reply.attempts()).singleElement().extracting(Attempt::outcome).isEqualTo(Attempt.Outcome.FAILED);
        assertThat(ollama.calls()).as("no call was made").isEqualTo(before);
    }
}
