package io.hybridllm.worker.cloud.resilience;

import static io.hybridllm.worker.cloud.ProviderChainResource.CLAUDE;
import static io.hybridllm.worker.cloud.ProviderChainResource.COMMAND;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.hybridllm.contracts.Attempt;
import io.hybridllm.contracts.ControlEvent;
import io.hybridllm.contracts.ControlEvent.CircuitState;
import io.hybridllm.contracts.ErrorInfo.ErrorCode;
import io.hybridllm.contracts.LlmReply;
import io.hybridllm.contracts.Target;
import io.hybridllm.contracts.Topics;
import io.hybridllm.contracts.json.Json;
import io.hybridllm.testkit.kafka.KafkaProbe;
import io.hybridllm.testkit.kafka.Published;
import io.hybridllm.testkit.quarkus.KafkaTestResource;
import io.hybridllm.testkit.simulators.AnthropicSimulator;
import io.hybridllm.worker.cloud.ProviderChainResource;
import io.hybridllm.worker.cloud.Requests;
import io.hybridllm.worker.core.pool.WorkerIdentity;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Three provider-side failures open the circuit: the provider is skipped without a call, and after the recovery time (4
 * s here) one probe call goes through and closes it again. Every change is on llm.control and in the metrics.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
// Long enough for the second request to arrive while the circuit is still open, even on a busy machine.
@WithTestResource(value = ProviderChainResource.class, initArgs = @ResourceArg(name = "hybrid.cloud.circuit.recovery", value = "4s"))
class CircuitBreakerTest {

    private static final KafkaProbe kafka = KafkaProbe.shared();
    private static final String SCOPE = "provider:anthropic@" + WorkerIdentity.current();

    @ProviderChainResource.Simulator
    AnthropicSimulator anthropic;

    private static LlmReply answer(String id) {
        return Requests.answer(Requests.chain(id, new Target("anthropic", CLAUDE), new Target("cohere", COMMAND)));
    }

    /** The first state change to {@code state} published since {@code since} (the broker outlives test classes). */
    private static ControlEvent.ProviderHealth published(CircuitState state, Instant since) {
        return (ControlEvent.ProviderHealth) Json.read(kafka.await(Topics.CONTROL_HEALTH, record -> {
            if (!SCOPE.equals(record.key())) {
                return false;
            }
            ControlEvent.ProviderHealth event = (ControlEvent.ProviderHealth) Json.read(record.value(),
                    ControlEvent.class);
            return event.state() == state && !event.at().isBefore(since);
        }, Published.WAIT).value(), ControlEvent.class);
    }

    private static void circuitMetricIs(int value) {
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("hybrid_worker_circuit_state{provider=\"anthropic\"} " + value + ".0"));
    }

    @Test
    void opensAfterThreeFailuresSkipsTheProviderAndHalfOpensAfterTheRecoveryTime() {
        Instant started = Instant.now();
        anthropic.failNext(3, 500, Map.of());
        LlmReply first = answer("circuit-1");
        assertThat(first.provider()).isEqualTo("cohere");
        assertThat(first.attempts()).extracting(Attempt::errorCode).containsExactly(ErrorCode.PROVIDER_ERROR,
                ErrorCode.PROVIDER_ERROR, ErrorCode.PROVIDER_ERROR, null);

        ControlEvent.ProviderHealth open = published(CircuitState.OPEN, started);
        assertThat(open.provider()).isEqualTo("anthropic");
        assertThat(open.detail()).contains("3 provider-side failures in a row");
        circuitMetricIs(1);

        // Open: the chain moves on at once, without a call to the provider or an attempt on it.
        long calls = anthropic.calls();
        LlmReply skipping = answer("circuit-2");
        assertThat(skipping.provider()).isEqualTo("cohere");
        assertThat(skipping.attempts()).extracting(Attempt::provider).containsExactly("cohere");
        assertThat(anthropic.calls()).isEqualTo(calls);

        ControlEvent.ProviderHealth halfOpen = published(CircuitState.HALF_OPEN, started);
        assertThat(halfOpen.at()).isAfterOrEqualTo(open.at().plusMillis(3900));
        circuitMetricIs(2);

        // The probe call succeeds, and the circuit closes.
        LlmReply probe = answer("circuit-3");
        assertThat(probe.provider()).isEqualTo("anthropic");
        assertThat(probe.attempts()).singleElement()
                .satisfies(attempt -> assertThat(attempt.outcome()).isEqualTo(Attempt.Outcome.SUCCEEDED));
        assertThat(published(CircuitState.CLOSED, started).detail()).contains("the probe call succeeded");
        circuitMetricIs(0);
    }
}
