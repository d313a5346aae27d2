package io.hybridllm.worker.local.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.hybridllm.contracts.ChatMessage;
import io.hybridllm.contracts.GenerationOptions;
import io.hybridllm.contracts.LlmRequest;
import io.hybridllm.contracts.RequestHints;
import io.hybridllm.contracts.RequestOutcome;
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

/** The worker that ends a request routed to a local tier tells the router what became of it, on llm.outcomes. */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(OllamaSimulatorResource.class)
class OutcomeTest {

    private static final KafkaProbe kafka = KafkaProbe.shared();
    /** The router's embedding of the prompt: two float32s, 1.0 and 2.0. */
    private static final String EMBEDDING = "AACAPwAAAEA=";

    @OllamaSimulatorResource.Simulator
    OllamaSimulator ollama;

    @Test
    void anEscalatedRequestsOutcomeNamesBothTiersTheLocalScoreAndThePromptsEmbedding() {
        ollama.answerAs("phi3:mini", "I'm sorry, but I can't help with that.");
        LlmRequest request = new LlmRequest(0, "outcome-1", Requests.TENANT, null, TaskType.CHAT,
                List.of(ChatMessage.user("Name three prime numbers.")), GenerationOptions.DEFAULTS, RequestHints.NONE,
                null, null, null, null);
        List<Target> targets = List.of(new Target("ollama", "phi3:mini", Tier.LOCAL_FAST),
                new Target("ollama", "llama3.1:8b", Tier.LOCAL_QUALITY));
        RoutedRequest routed = new RoutedRequest(request,
                new RoutingDecision(Tier.LOCAL_FAST, targets, 0.2, List.of(), "test route", "hybrid", "test-1", null,
                        new RoutingDecision.Escalation(0.6, 3)).withEmbedding(EMBEDDING));
        kafka.send(Topics.TIER_LOCAL_FAST, routed.id(), Json.write(routed));

        RequestOutcome outcome = kafka.awaitMessage(Topics.OUTCOMES, routed.id(), RequestOutcome.class, Published.WAIT);

        assertThat(outcome.source()).isEqualTo(RequestOutcome.Source.WORKER);
        assertThat(outcome.tenant()).isEqualTo(Requests.TENANT);
        assertThat(outcome.taskType()).isEqualTo(TaskType.CHAT);
        assertThat(outcome.routedTier()).isEqualTo(Tier.LOCAL_FAST);
        assertThat(outcome.answeredTier()).isEqualTo(Tier.LOCAL_QUALITY);
        assertThat(outcome.escalated()).isTrue();
        assertThat(outcome.qualityScore()).isEqualTo(1.0, offset(1e-9));
        assertThat(outcome.embedding()).isEqualTo(EMBEDDING);
        // The record holds what the router learns from, never the prompt or the answer.
        assertThat(kafka.awaitKey(Topics.OUTCOMES, routed.id(), Published.WAIT).value()).doesNotContain("prime");
    }
}
