package io.hybridllm.worker.cloud.resilience;

import static io.hybridllm.worker.cloud.ProviderChainResource.CLAUDE;
import static io.hybridllm.worker.cloud.ProviderChainResource.COMMAND;
import static io.hybridllm.worker.cloud.ProviderChainResource.GEMINI;
import static io.hybridllm.worker.cloud.ProviderChainResource.GPT;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.hybridllm.contracts.Attempt;
import io.hybridllm.contracts.ErrorInfo.ErrorCode;
import io.hybridllm.contracts.LlmReply;
import io.hybridllm.contracts.RoutedRequest;
import io.hybridllm.contracts.Target;
import io.hybridllm.contracts.Topics;
import io.hybridllm.contracts.UsageEvent;
import io.hybridllm.contracts.json.Json;
import io.hybridllm.testkit.kafka.KafkaProbe;
import io.hybridllm.testkit.kafka.Published;
import io.hybridllm.testkit.quarkus.KafkaTestResource;
import io.hybridllm.testkit.simulators.AnthropicSimulator;
import io.hybridllm.testkit.simulators.GeminiSimulator;
import io.hybridllm.testkit.simulators.OpenAiSimulator;
import io.hybridllm.worker.cloud.ProviderChainResource;
import io.hybridllm.worker.cloud.Requests;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** A request walks its chain past a failing provider of each kind and ends on the first that answers. */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(ProviderChainResource.class)
class FailoverTest {

    private static final KafkaProbe kafka = KafkaProbe.shared();

    @ProviderChainResource.Simulator
    AnthropicSimulator anthropic;
    @ProviderChainResource.Simulator
    GeminiSimulator gemini;
    @ProviderChainResource.Simulator
    OpenAiSimulator openai;

    @Test
    void failsOverThroughA500ATimeoutAndA429ToTheNextProvider() {
        anthropic.failNext(3, 500, Map.of());
        gemini.setLatency(Duration.ofSeconds(3));
        openai.failNext(1, 429, Map.of("Retry-After", "30"));
        try {
            RoutedRequest routed = Requests.chain("chain-1", new Target("anthropic", CLAUDE),
                    new Target("gemini", GEMINI), new Target("openai", GPT), new Target("cohere", COMMAND));
            LlmReply reply = Requests.answer(routed);

            assertThat(reply.status()).isEqualTo(LlmReply.Status.SUCCEEDED);
            assertThat(reply.provider()).isEqualTo("cohere");
            List<Attempt> attempts = reply.attempts();
            // A 500 and a timeout are retried twice each (backoff with jitter); a Retry-After of 30 s does not fit
            // the 5 s failover budget, so the 429 fails over at once.
            assertThat(attempts).extracting(Attempt::provider, Attempt::errorCode).containsExactly(
                    tuple("anthropic", ErrorCode.PROVIDER_ERROR), tuple("anthropic", ErrorCode.PROVIDER_ERROR),
                    tuple("anthropic", ErrorCode.PROVIDER_ERROR), tuple("gemini", ErrorCode.TIMEOUT),
                    tuple("gemini", ErrorCode.TIMEOUT), tuple("gemini", ErrorCode.TIMEOUT),
                    tuple("openai", ErrorCode.RATE_LIMITED), tuple("cohere", null));
            assertThat(attempts.get(6).detail()).contains("retry after 30 s");
            assertThat(attempts.getLast().detail())
                    .isEqualTo("on cohere with key hybrid.cloud.providers.cohere.api-key");
            // The timing out provider held the request for less than the failover budget.
            assertThat(Duration.between(attempts.get(3).at(), attempts.get(6).at()))
                    .isLessThanOrEqualTo(Duration.ofSeconds(5));

            List<UsageEvent> usage = kafka
                    .awaitAll(Topics.USAGE,
                            record -> Json.read(record.value(), UsageEvent.class).requestId().equals(routed.id()), 8,
                            Published.WAIT)
                    .stream().map(record -> Json.read(record.value(), UsageEvent.class)).toList();
            assertThat(usage).extracting(UsageEvent::provider).containsExactlyInAnyOrder("anthropic", "anthropic",
                    "anthropic", "gemini", "gemini", "gemini", "openai", "cohere");
        } finally {
            gemini.setLatency(Duration.ofMillis(20));
        }
    }

    @Test
    void aRetryAfterThatFitsTheBudgetIsWaitedForOnTheSameProvider() {
        openai.failNext(1, 429, Map.of("Retry-After", "1"));
        LlmReply reply = Requests.answer(Requests.chain("retry-after-1", new Target("openai", GPT)));

        assertThat(reply.status()).isEqualTo(LlmReply.Status.SUCCEEDED);
        assertThat(reply.attempts()).extracting(Attempt::errorCode).containsExactly(ErrorCode.RATE_LIMITED, null);
        assertThat(Duration.between(reply.attempts().get(0).at(), reply.attempts().get(1).at()))
                .isGreaterThanOrEqualTo(Duration.ofSeconds(1));
    }

    private static org.assertj.core.groups.Tuple tuple(Object... values) {
        return org.assertj.core.groups.Tuple.tuple(values);
    }
}
