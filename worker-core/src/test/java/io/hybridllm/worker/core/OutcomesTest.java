package io.hybridllm.worker.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.hybridllm.contracts.Attempt;
import io.hybridllm.contracts.ChatMessage;
import io.hybridllm.contracts.ErrorInfo;
import io.hybridllm.contracts.GenerationOptions;
import io.hybridllm.contracts.LlmReply;
import io.hybridllm.contracts.LlmRequest;
import io.hybridllm.contracts.RequestHints;
import io.hybridllm.contracts.RequestOutcome;
import io.hybridllm.contracts.RoutedRequest;
import io.hybridllm.contracts.RoutingDecision;
import io.hybridllm.contracts.Target;
import io.hybridllm.contracts.TaskType;
import io.hybridllm.contracts.Tier;
import io.hybridllm.contracts.TokenUsage;

/** Which final replies become outcomes for the router to learn from, and what they say. */
class OutcomesTest {

    private static final Target FAST = new Target("ollama", "phi3:mini", Tier.LOCAL_FAST);
    private static final Target CLOUD = new Target("openai", "gpt-4o-mini", Tier.CLOUD);
    private static final String EMBEDDING = "AACAPwAAAEA=";

    private static RoutedRequest routed(Tier tier, Target... targets) {
        LlmRequest request = new LlmRequest(0, "req-1", "acme", null, TaskType.REVIEW,
                List.of(ChatMessage.user("Write a sort.")), GenerationOptions.DEFAULTS, RequestHints.NONE, null, null,
                null, null);
        return new RoutedRequest(request, new RoutingDecision(tier, List.of(targets), 0.3, List.of(), "test", "hybrid",
                "v1", null, new RoutingDecision.Escalation(0.6, 3)).withEmbedding(EMBEDDING));
    }

    private static Attempt attempt(Target target, Attempt.Outcome outcome, Double quality) {
        return new Attempt(target.tier(), target.provider(), target.model(), outcome,
                outcome == Attempt.Outcome.FAILED ? ErrorInfo.ErrorCode.PROVIDER_ERROR : null, 10, Instant.now(),
                quality, "");
    }

    @Test
    void aLocalAnswerThatPassedIsAnOutcomeOfItsTier() {
        RoutedRequest routed = routed(Tier.LOCAL_FAST, FAST, CLOUD);
        LlmReply reply = LlmReply.succeeded(routed, FAST, "sorted", TokenUsage.NONE, BigDecimal.ZERO, 10, 0.9,
                List.of(attempt(FAST, Attempt.Outcome.SUCCEEDED, 0.9)));

        RequestOutcome outcome = Outcomes.of(routed, reply).orElseThrow();

        assertThat(outcome.source()).isEqualTo(RequestOutcome.Source.WORKER);
        assertThat(outcome.requestId()).isEqualTo("req-1");
        assertThat(outcome.tenant()).isEqualTo("acme");
        assertThat(outcome.taskType()).isEqualTo(TaskType.REVIEW);
        assertThat(outcome.routedTier()).isEqualTo(Tier.LOCAL_FAST);
        assertThat(outcome.answeredTier()).isEqualTo(Tier.LOCAL_FAST);
        assertThat(outcome.escalated()).isFalse();
        assertThat(outcome.qualityScore()).isEqualTo(0.9);
        assertThat(outcome.feedbackScore()).isNull();
        assertThat(outcome.embedding()).isEqualTo(EMBEDDING);
    }

    @Test
    void aLocalAnswerHandedOnAndAnsweredInTheCloudIsAnEscalatedOutcomeOfTheLocalTier() {
        RoutedRequest atCloud = routed(Tier.LOCAL_FAST, FAST, CLOUD);
        atCloud = new RoutedRequest(atCloud.request(), atCloud.decision().escalatedTo(Tier.CLOUD, "quality 0.30"));
        LlmReply reply = LlmReply.succeeded(atCloud, CLOUD, "sorted", TokenUsage.NONE, BigDecimal.ONE, 10, null, List
                .of(attempt(FAST, Attempt.Outcome.ESCALATED, 0.3), attempt(CLOUD, Attempt.Outcome.SUCCEEDED, null)));

        RequestOutcome outcome = Outcomes.of(atCloud, reply).orElseThrow();

        assertThat(outcome.routedTier()).isEqualTo(Tier.LOCAL_FAST);
        assertThat(outcome.answeredTier()).isEqualTo(Tier.CLOUD);
        assertThat(outcome.escalated()).isTrue();
        assertThat(outcome.qualityScore()).isEqualTo(0.3);
        assertThat(outcome.embedding()).isEqualTo(EMBEDDING);
    }

    @Test
    void aLocalFailureIsAnOutcomeWithNoAnsweringTier() {
        RoutedRequest routed = routed(Tier.LOCAL_FAST, FAST);
        LlmReply reply = LlmReply.failed(routed, FAST, new ErrorInfo(ErrorInfo.ErrorCode.PROVIDER_ERROR, "down"), 0,
                List.of(attempt(FAST, Attempt.Outcome.FAILED, null)));

        RequestOutcome outcome = Outcomes.of(routed, reply).orElseThrow();

        assertThat(outcome.routedTier()).isEqualTo(Tier.LOCAL_FAST);
        assertThat(outcome.answeredTier()).isNull();
        assertThat(outcome.escalated()).isFalse();
        assertThat(outcome.qualityScore()).isNull();
    }

    @Test
    void anEscalationThatEndedBeforeAnyAttemptIsAnOutcomeOfThePrimaryTargetsTier() {
        RoutedRequest routed = routed(Tier.LOCAL_FAST, FAST, CLOUD);
        RoutedRequest atCloud = new RoutedRequest(routed.request(),
                routed.decision().escalatedTo(Tier.CLOUD, "no healthy backend here has the model"));
        LlmReply reply = LlmReply.failed(atCloud, CLOUD, new ErrorInfo(ErrorInfo.ErrorCode.EXPIRED, "late"), 0,
                List.of());

        assertThat(Outcomes.of(atCloud, reply)).get().extracting(RequestOutcome::routedTier).isEqualTo(Tier.LOCAL_FAST);
    }

    @Test
    void aCloudAnswerWithNoLocalAttemptHasNoOutcome() {
        RoutedRequest routed = routed(Tier.CLOUD, CLOUD);
        LlmReply reply = LlmReply.succeeded(routed, CLOUD, "sorted", TokenUsage.NONE, BigDecimal.ONE, 10, null,
                List.of(attempt(CLOUD, Attempt.Outcome.SUCCEEDED, null)));

        assertThat(Outcomes.of(routed, reply)).isEmpty();
    }
}
