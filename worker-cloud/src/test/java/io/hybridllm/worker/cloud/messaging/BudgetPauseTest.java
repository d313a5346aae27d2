package io.hybridllm.worker.cloud.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.hybridllm.contracts.Attempt;
import io.hybridllm.contracts.ControlEvent;
import io.hybridllm.contracts.ErrorInfo;
import io.hybridllm.contracts.LlmReply;
import io.hybridllm.contracts.LlmRequest;
import io.hybridllm.contracts.RoutedRequest;
import io.hybridllm.contracts.SchemaVersion;
import io.hybridllm.contracts.json.Json;
import io.hybridllm.testkit.kafka.KafkaProbe;
import io.hybridllm.testkit.quarkus.KafkaTestResource;
import io.hybridllm.testkit.simulators.OpenAiSimulator;
import io.hybridllm.worker.cloud.OpenAiSimulatorResource;
import io.hybridllm.worker.cloud.Requests;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The worker is the last place a paid call can be stopped: a record already on the cloud tier's topic when its tenant's
 * (or the global) budget is paused is refused with {@code budget_paused}, without a call to the provider, and the reply
 * says why; once the pause is lifted, the same tenant is answered again.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(OpenAiSimulatorResource.class)
class BudgetPauseTest {

    private static final KafkaProbe kafka = KafkaProbe.shared();

    @OpenAiSimulatorResource.Simulator
    OpenAiSimulator openai;

    private static void publish(String scope, boolean paused) {
        ControlEvent.ModeSwitch event = new ControlEvent.ModeSwitch(SchemaVersion.CURRENT, UUID.randomUUID().toString(),
                scope, paused ? "ollama-only" : null, paused, paused ? "monthly budget at 95% (0.95 of 1.00 USD)" : "",
                Instant.now());
        kafka.send(event.topic(), scope, Json.write(event));
    }

    private static RoutedRequest routedFor(String tenant, String id) {
        RoutedRequest base = Requests.routed(id, "gpt-4o-mini");
        LlmRequest r = base.request();
        LlmRequest request = new LlmRequest(r.schemaVersion(), r.id(), tenant, r.jobId(), r.taskType(), r.messages(),
                r.options(), r.hints(), r.replyTo(), r.callbackUrl(), r.submittedAt(), r.attempts());
        return new RoutedRequest(request, base.decision());
    }

    /** Waits until a pause (or its end) has reached the worker: a probe request is answered as {@code expected}. */
    private static LlmReply answerOnce(String tenant, LlmReply.Status expected) {
        LlmReply reply = null;
        Instant end = Instant.now().plus(Duration.ofSeconds(20));
        while (Instant.now().isBefore(end)) {
            reply = Requests.answer(routedFor(tenant, "probe-" + UUID.randomUUID()));
            if (reply.status() == expected) {
                return reply;
            }
        }
        return reply;
    }

    @AfterEach
    void lift() {
        publish("global", false);
    }

    @Test
    void aRecordQueuedBeforeItsTenantsPauseIsRefusedWithoutAPaidCall() {
        String tenant = "paused-" + UUID.randomUUID();
        assertThat(Requests.answer(routedFor(tenant, "before-" + UUID.randomUUID())).status())
                .isEqualTo(LlmReply.Status.SUCCEEDED);
        publish("tenant:" + tenant, true);
        answerOnce(tenant, LlmReply.Status.FAILED);

        long calls = openai.calls();
        LlmReply refused = Requests.answer(routedFor(tenant, "queued-" + UUID.randomUUID()));
        assertThat(refused.status()).isEqualTo(LlmReply.Status.FAILED);
        assertThat(refused.error().code()).isEqualTo(ErrorInfo.ErrorCode.BUDGET_PAUSED);
        assertThat(refused.error().message()).contains("the budget of tenant:" + tenant + " is paused")
                .contains("monthly budget at 95%");
        assertThat(refused.attempts()).singleElement()
                .satisfies(attempt -> assertThat(attempt.outcome()).isEqualTo(Attempt.Outcome.FAILED));
        assertThat(refused.costUsd()).isZero();
        assertThat(openai.calls()).as("no call reached the provider").isEqualTo(calls);
        assertThat(Requests.answer(routedFor("someone-else", "other-" + UUID.randomUUID())).status())
                .isEqualTo(LlmReply.Status.SUCCEEDED);

        publish("tenant:" + tenant, false);
        assertThat(answerOnce(tenant, LlmReply.Status.SUCCEEDED).status()).isEqualTo(LlmReply.Status.SUCCEEDED);
    }

    @Test
    void aGlobalPauseStopsEveryTenantsPaidCalls() {
        publish("global", true);
        LlmReply refused = answerOnce("anyone-" + UUID.randomUUID(), LlmReply.Status.FAILED);
        assertThat(refused.error().code()).isEqualTo(ErrorInfo.ErrorCode.BUDGET_PAUSED);
        assertThat(refused.error().message()).contains("the budget of global is paused");
    }
}
