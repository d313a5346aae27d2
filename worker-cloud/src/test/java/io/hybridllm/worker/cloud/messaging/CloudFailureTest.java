package io.hybridllm.worker.cloud.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.hybridllm.contracts.Attempt;
import io.hybridllm.contracts.ErrorInfo.ErrorCode;
import io.hybridllm.contracts.LlmReply;
import io.hybridllm.contracts.RoutedRequest;
import io.hybridllm.contracts.RoutingDecision;
import io.hybridllm.contracts.Target;
import io.hybridllm.contracts.TokenUsage;
import io.hybridllm.contracts.UsageEvent;
import io.hybridllm.testkit.kafka.KafkaProbe;
import io.hybridllm.testkit.kafka.Published;
import io.hybridllm.testkit.quarkus.KafkaTestResource;
import io.hybridllm.testkit.simulators.OpenAiSimulator;
import io.hybridllm.worker.cloud.OpenAiSimulatorResource;
import io.hybridllm.worker.cloud.Requests;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(OpenAiSimulatorResource.class)
class CloudFailureTest {

    private static final KafkaProbe kafka = KafkaProbe.shared();

    @OpenAiSimulatorResource.Simulator
    OpenAiSimulator openai;

    @Test
    void unknownModelIsThisTargetsRefusalAndIsStillReported() {
        RoutedRequest routed = Requests.routed("cloud-404-1", "gpt-9-ultra");
        LlmReply reply = Requests.answer(routed);

        assertThat(reply.status()).isEqualTo(LlmReply.Status.FAILED);
        assertThat(reply.error().code()).isEqualTo(ErrorCode.TARGET_UNSUITABLE);
        assertThat(reply.error().message()).isEqualTo(
                "openai cannot take this request (another target may) (HTTP 404, model_not_found): The model `gpt-9-ultra` does not exist.");
        assertThat(reply.attempts()).singleElement()
                .satisfies(attempt -> assertThat(attempt.errorCode()).isEqualTo(ErrorCode.TARGET_UNSUITABLE));

        UsageEvent usage = Published.usageEvent(kafka, routed.id());
        assertThat(usage.outcome()).isEqualTo(Attempt.Outcome.FAILED);
        assertThat(usage.errorCode()).isEqualTo(ErrorCode.TARGET_UNSUITABLE);
        assertThat(usage.usage()).isEqualTo(TokenUsage.NONE);
        assertThat(usage.costUsd()).isZero();
    }

    @Test
    void rateLimitKeepsTheRetryAfterInTheMessage() {
        openai.failNext(1, 429, Map.of("Retry-After", "7"));
        RoutedRequest routed = Requests.routed("cloud-429-1", "gpt-4o-mini");
        LlmReply reply = Requests.answer(routed);

        assertThat(reply.error().code()).isEqualTo(ErrorCode.RATE_LIMITED);
        assertThat(reply.error().message()).isEqualTo(
                "openai rate limit reached (HTTP 429, rate_limit_exceeded; retry after 7 s): simulated fault");
        assertThat(Published.usageEvent(kafka, routed.id()).errorCode()).isEqualTo(ErrorCode.RATE_LIMITED);
    }

    @Test
    void unavailableServiceIsOverloadedAndRetriedTwice() {
        openai.failNext(3, 503, Map.of());
        LlmReply reply = Requests.answer(Requests.routed("cloud-503-1", "gpt-4o"));
        assertThat(reply.error().code()).isEqualTo(ErrorCode.OVERLOADED);
        assertThat(reply.attempts()).extracting(Attempt::errorCode).containsExactly(ErrorCode.OVERLOADED,
                ErrorCode.OVERLOADED, ErrorCode.OVERLOADED);
    }

    @Test
    void expiredRequestIsAnsweredWithoutCallingOpenAi() {
        long callsBefore = openai.calls();
        RoutedRequest routed = Requests.routed("cloud-expired-1", "gpt-4o-mini", Instant.now().minusSeconds(5), null);
        LlmReply reply = Requests.answer(routed);

        assertThat(reply.error().code()).isEqualTo(ErrorCode.EXPIRED);
        assertThat(reply.attempts()).isEmpty();
        assertThat(openai.calls()).isEqualTo(callsBefore);
        // The reply is published together with any usage event, so a short wait is enough to see there is none.
        assertThatThrownBy(() -> Published.usage(kafka, routed.id(), Duration.ofSeconds(2)))
                .isInstanceOf(AssertionError.class);
    }

    private static RoutedRequest targeting(String id, Target target) {
        RoutedRequest base = Requests.routed(id, "gpt-4o");
        RoutingDecision decision = base.decision();
        return new RoutedRequest(base.request(), new RoutingDecision(decision.tier(), List.of(target), decision.score(),
                decision.factors(), decision.rule(), decision.mode(), decision.policyVersion(), decision.decidedAt()));
    }

    @Test
    void aProviderThisWorkerDoesNotHaveIsRefusedWithoutACall() {
        LlmReply reply = Requests.answer(targeting("cloud-foreign-1", new Target("bedrock", "titan")));

        assertThat(reply.error().code()).isEqualTo(ErrorCode.NO_PROVIDER);
        assertThat(reply.error().message()).contains("bedrock/titan (no backend of this provider here)");
        assertThat(reply.attempts()).isEmpty();
    }

    @Test
    void aProviderWithoutAKeyFailsNamingTheVariableToSetAndBillsNothing() {
        RoutedRequest routed = targeting("cloud-no-key-1", new Target("anthropic", "claude-3-5-haiku"));
        LlmReply reply = Requests.answer(routed);

        assertThat(reply.error().code()).isEqualTo(ErrorCode.AUTHENTICATION);
        assertThat(reply.error().message()).contains("ANTHROPIC_API_KEY");
        assertThatThrownBy(() -> Published.usage(kafka, routed.id(), Duration.ofSeconds(2)))
                .isInstanceOf(AssertionError.class);
    }
}
