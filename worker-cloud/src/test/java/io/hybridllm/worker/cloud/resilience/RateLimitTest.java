package io.hybridllm.worker.cloud.resilience;

import static io.hybridllm.worker.cloud.ProviderChainResource.GPT;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import io.hybridllm.contracts.LlmReply;
import io.hybridllm.contracts.RoutedRequest;
import io.hybridllm.contracts.Target;
import io.hybridllm.contracts.Topics;
import io.hybridllm.contracts.json.Json;
import io.hybridllm.testkit.kafka.KafkaProbe;
import io.hybridllm.testkit.kafka.Published;
import io.hybridllm.testkit.quarkus.KafkaTestResource;
import io.hybridllm.testkit.simulators.OpenAiSimulator;
import io.hybridllm.worker.cloud.ProviderChainResource;
import io.hybridllm.worker.cloud.Requests;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A burst far above the policy's rate limit ({@code rate_limit_rpm}) waits in the worker: the provider sees calls at
 * the limit's pace, and every request is answered. 240 a minute is a burst of 4 and then about 3.95 a second.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(value = ProviderChainResource.class, initArgs = @ResourceArg(name = "policy", value = """
        [providers.openai]
        rate_limit_rpm = 240
        """))
class RateLimitTest {

    private static final KafkaProbe kafka = KafkaProbe.shared();
    private static final int BURST = 24;

    @ProviderChainResource.Simulator
    OpenAiSimulator openai;

    @Test
    void aBurstIsHeldToTheRequestsPerMinuteLimit() {
        int before = openai.callTimes().size();
        List<RoutedRequest> burst = IntStream.range(0, BURST)
                .mapToObj(i -> Requests.chain("burst-" + i, new Target("openai", GPT))).toList();
        burst.forEach(routed -> kafka.send(Topics.TIER_CLOUD, routed.id(), Json.write(routed)));

        for (RoutedRequest routed : burst) {
            LlmReply reply = Published.reply(kafka, Topics.REPLIES, routed.id());
            assertThat(reply.status()).as(routed.id()).isEqualTo(LlmReply.Status.SUCCEEDED);
            assertThat(reply.attempts()).as(routed.id()).hasSize(1);
        }
        List<Instant> calls = openai.callTimes().subList(before, before + BURST);
        // The limiter passes at most 4 + 3.95 = 7 calls in any second; one more for how network timing may shift a
        // call at the simulator. Without the limit, all 24 arrive within a fraction of a second.
        for (int i = 0; i < calls.size(); i++) {
            Instant start = calls.get(i);
            long inSecond = calls.stream().filter(t -> !t.isBefore(start) && t.isBefore(start.plusSeconds(1))).count();
            assertThat(inSecond).as("calls in the second from call %d", i).isLessThanOrEqualTo(8);
        }
        assertThat(Duration.between(calls.getFirst(), calls.getLast()))
                .isGreaterThanOrEqualTo(Duration.ofMillis((BURST - 4) * 1000L * 60 / 240 - 500));
    }
}
