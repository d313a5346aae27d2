package io.hybridllm.worker.local.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.hybridllm.contracts.Attempt;
import io.hybridllm.contracts.ChatMessage;
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
import io.hybridllm.contracts.UsageEvent;
import io.hybridllm.contracts.json.Json;
import io.hybridllm.testkit.kafka.KafkaProbe;
import io.hybridllm.testkit.kafka.Published;
import io.hybridllm.testkit.quarkus.KafkaTestResource;
import io.hybridllm.testkit.simulators.OllamaSimulator;
import io.hybridllm.worker.local.OllamaSimulatorResource;
import io.hybridllm.worker.local.Requests;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** A poor local answer goes up a tier instead of back to the client, and the reply tells the whole story. */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(OllamaSimulatorResource.class)
class EscalationTest {

    private static final KafkaProbe kafka = KafkaProbe.shared();

    @OllamaSimulatorResource.Simulator
    OllamaSimulator ollama;

    /** A chat request whose first target, phi3:mini on local-fast, refuses; llama3.1:8b on local-quality answers. */
    private RoutedRequest sendToARefusingModel(String id, int maxAttempts) {
        ollama.answerAs("phi3:mini", "I'm sorry, but I can't help with that.");
        LlmRequest request = new LlmRequest(0, id, Requests.TENANT, null, TaskType.CHAT,
                List.of(ChatMessage.user("Name three prime numbers.")), GenerationOptions.DEFAULTS, RequestHints.NONE,
                null, null, null, null);
        List<Target> targets = List.of(new Target("ollama", "phi3:mini", Tier.LOCAL_FAST),
                new Target("ollama", "llama3.1:8b", Tier.LOCAL_QUALITY));
        RoutedRequest routed = new RoutedRequest(request, new RoutingDecision(Tier.LOCAL_FAST, targets, 0.2, List.of(),
                "test route", "hybrid", "test-1", null, new RoutingDecision.Escalation(0.6, maxAttempts)));
        kafka.send(Topics.TIER_LOCAL_FAST, routed.id(), Json.write(routed));
        return routed;
    }

    @Test
    void aRefusalEscalatesToTheNextTierAndTheReplyShowsBothAttempts() {
        RoutedRequest routed = sendToARefusingModel("escalate-1", 3);

        RoutedRequest escalated = kafka.awaitMessage(Topics.TIER_LOCAL_QUALITY, routed.id(), RoutedRequest.class,
                Published.WAIT);
        assertThat(escalated.decision().tier()).isEqualTo(Tier.LOCAL_QUALITY);
        assertThat(escalated.decision().rule()).contains("escalated to local-quality: quality 0.30 below 0.6");

        LlmReply reply = Published.reply(kafka, Topics.REPLIES, routed.id());
        assertThat(reply.status()).isEqualTo(LlmReply.Status.SUCCEEDED);
        assertThat(reply.model()).isEqualTo("llama3.1:8b");
        assertThat(reply.tier()).isEqualTo(Tier.LOCAL_QUALITY);
        assertThat(reply.qualityScore()).isEqualTo(1.0);
        assertThat(reply.attempts()).hasSize(2);
        Attempt first = reply.attempts().getFirst();
        assertThat(first.outcome()).isEqualTo(Attempt.Outcome.ESCALATED);
        assertThat(first.model()).isEqualTo("phi3:mini");
        assertThat(first.qualityScore()).isEqualTo(0.3, offset(1e-9));
        assertThat(first.detail()).contains("the model refused");
        assertThat(reply.attempts().get(1).outcome()).isEqualTo(Attempt.Outcome.SUCCEEDED);

        // Both calls cost GPU time and are reported.
        List<UsageEvent> usage = kafka
                .awaitAll(Topics.USAGE, record -> record.value().contains(routed.id()), 2, Published.WAIT).stream()
                .map(record -> Json.read(record.value(), UsageEvent.class)).toList();
        assertThat(usage).extracting(UsageEvent::outcome).containsExactlyInAnyOrder(Attempt.Outcome.ESCALATED,
                Attempt.Outcome.SUCCEEDED);
    }

    @Test
    void withNoAttemptsLeftTheBestAnswerIsTheReplyFlaggedByItsScore() {
        RoutedRequest routed = sendToARefusingModel("escalate-2", 1);

        LlmReply reply = Published.reply(kafka, Topics.REPLIES, routed.id());
        assertThat(reply.status()).isEqualTo(LlmReply.Status.SUCCEEDED);
        assertThat(reply.model()).isEqualTo("phi3:mini");
        assertThat(reply.qualityScore()).isLessThan(0.6);
        assertThat(reply.attempts()).singleElement().satisfies(attempt -> {
            assertThat(attempt.outcome()).isEqualTo(Attempt.Outcome.SUCCEEDED);
            assertThat(attempt.detail()).contains("the model refused", "kept as the best answer");
        });
        assertThat(reply.decision().tier()).isEqualTo(Tier.LOCAL_FAST);
    }
}
