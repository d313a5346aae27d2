package io.hybridllm.worker.local.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.hybridllm.contracts.ChatMessage;
import io.hybridllm.contracts.ErrorInfo;
import io.hybridllm.contracts.GenerationOptions;
import io.hybridllm.contracts.LlmReply;
import io.hybridllm.contracts.LlmRequest;
import io.hybridllm.contracts.RequestHints;
import io.hybridllm.contracts.RoutedRequest;
import io.hybridllm.contracts.RoutingDecision;
import io.hybridllm.contracts.Target;
import io.hybridllm.contracts.TaskType;
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
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * An escalation the broker will not take (here: larger than the escalation producer may send; on a secured broker, a
 * tier topic the worker's principal may not write) ends the request with a failed reply that says why, instead of
 * leaving its client to wait for the deadline, and is dead-lettered with the reason.
 */
@QuarkusTest
@TestProfile(EscalationRefusedTest.SmallEscalations.class)
@WithTestResource(KafkaTestResource.class)
@WithTestResource(OllamaSimulatorResource.class)
class EscalationRefusedTest {

    public static class SmallEscalations implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("mp.messaging.outgoing.escalations.max.request.size", "2000");
        }
    }

    private static final KafkaProbe kafka = KafkaProbe.shared();

    @OllamaSimulatorResource.Simulator
    OllamaSimulator ollama;

    @Test
    void theClientLearnsAtOnceWhyItsRequestCouldNotGoOn() {
        ollama.answerAs("phi3:mini", "I'm sorry, but I can't help with that.");
        String prompt = "Name three prime numbers. " + "Think about it carefully. ".repeat(120);
        LlmRequest request = new LlmRequest(0, "escalate-refused-1", Requests.TENANT, null, TaskType.CHAT,
                List.of(ChatMessage.user(prompt)), GenerationOptions.DEFAULTS, RequestHints.NONE, null, null, null,
                null);
        List<Target> targets = List.of(new Target("ollama", "phi3:mini", Tier.LOCAL_FAST),
                new Target("ollama", "llama3.1:8b", Tier.LOCAL_QUALITY));
        RoutedRequest routed = new RoutedRequest(request, new RoutingDecision(Tier.LOCAL_FAST, targets, 0.2, List.of(),
                "test route", "hybrid", "test-1", null, new RoutingDecision.Escalation(0.6, 3)));
        kafka.send(Topics.TIER_LOCAL_FAST, routed.id(), Json.write(routed));

        LlmReply reply = Published.reply(kafka, Topics.REPLIES, routed.id());
        assertThat(reply.status()).isEqualTo(LlmReply.Status.FAILED);
        assertThat(reply.error().code()).isEqualTo(ErrorInfo.ErrorCode.INTERNAL);
        assertThat(reply.error().message()).contains("could not be handed on to the local-quality tier",
                Topics.TIER_LOCAL_QUALITY);
        assertThat(reply.attempts()).hasSize(1);

        ConsumerRecord<String, String> dead = kafka.awaitKey(Topics.dlqOf(Topics.TIER_LOCAL_FAST), routed.id(),
                Published.WAIT);
        assertThat(KafkaProbe.header(dead, "dead-letter-reason")).isPresent();
    }
}
