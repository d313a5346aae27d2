package io.hybridllm.worker.cloud.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.hybridllm.contracts.Attempt;
import io.hybridllm.contracts.LlmReply;
import io.hybridllm.contracts.RequestOutcome;
import io.hybridllm.contracts.RoutedRequest;
import io.hybridllm.contracts.RoutingDecision;
import io.hybridllm.contracts.Target;
import io.hybridllm.contracts.Tier;
import io.hybridllm.contracts.Topics;
import io.hybridllm.testkit.kafka.KafkaProbe;
import io.hybridllm.testkit.kafka.Published;
import io.hybridllm.testkit.quarkus.KafkaTestResource;
import io.hybridllm.worker.cloud.OpenAiSimulatorResource;
import io.hybridllm.worker.cloud.Requests;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The cloud worker ends the requests a local tier handed on: it tells the router what became of them on llm.outcomes; a
 * request routed to the cloud in the first place teaches nothing about the local tiers, and has no outcome.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(OpenAiSimulatorResource.class)
class CloudOutcomeTest {

    private static final KafkaProbe kafka = KafkaProbe.shared();
    private static final String EMBEDDING = "AACAPwAAAEA=";

    @Test
    void aRequestEscalatedFromALocalTierHasAnOutcomeNamingBothTiers() {
        RoutedRequest cloud = Requests.routed("cloud-outcome-1", "gpt-4o-mini");
        Attempt poor = new Attempt(Tier.LOCAL_FAST, "ollama", "phi3:mini", Attempt.Outcome.ESCALATED, null, 30,
                Instant.now(), 0.3, "quality 0.30 below 0.6");
        RoutingDecision local = new RoutingDecision(Tier.LOCAL_FAST,
                List.of(new Target("ollama", "phi3:mini", Tier.LOCAL_FAST),
                        new Target("openai", "gpt-4o-mini", Tier.CLOUD)),
                0.3, List.of(), "score 0.30: local-fast", "hybrid", "test-1", null,
                new RoutingDecision.Escalation(0.6, 3)).withEmbedding(EMBEDDING);
        RoutedRequest escalated = new RoutedRequest(cloud.request().withAttempt(poor),
                local.escalatedTo(Tier.CLOUD, "quality 0.30 below 0.6"));

        assertThat(Requests.answer(escalated).status()).isEqualTo(LlmReply.Status.SUCCEEDED);

        RequestOutcome outcome = kafka.awaitMessage(Topics.OUTCOMES, escalated.id(), RequestOutcome.class,
                Published.WAIT);
        assertThat(outcome.source()).isEqualTo(RequestOutcome.Source.WORKER);
        assertThat(outcome.routedTier()).isEqualTo(Tier.LOCAL_FAST);
        assertThat(outcome.answeredTier()).isEqualTo(Tier.CLOUD);
        assertThat(outcome.escalated()).isTrue();
        assertThat(outcome.qualityScore()).isEqualTo(0.3);
        assertThat(outcome.embedding()).isEqualTo(EMBEDDING);
    }

    @Test
    void aRequestRoutedToTheCloudHasNone() {
        RoutedRequest cloud = Requests.routed("cloud-outcome-2", "gpt-4o-mini");
        assertThat(Requests.answer(cloud).status()).isEqualTo(LlmReply.Status.SUCCEEDED);

        // The outcome would have been sent with the reply, acknowledged before it: none came.
        assertThatThrownBy(() -> kafka.awaitKey(Topics.OUTCOMES, cloud.id(), Duration.ofSeconds(2)))
                .isInstanceOf(AssertionError.class);
    }
}
