package io.hybridllm.worker.cloud.resilience;

import static io.hybridllm.worker.cloud.ProviderChainResource.GPT;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.not;

import java.util.List;

import org.hamcrest.Matchers;
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
import io.hybridllm.testkit.simulators.OpenAiSimulator;
import io.hybridllm.worker.cloud.LogCapture;
import io.hybridllm.worker.cloud.ProviderChainResource;
import io.hybridllm.worker.cloud.Requests;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * OpenAI has two keys, in the variables its policy {@code api_key_env} names, the first revoked: the first call is
 * refused, the key retired and the call repeated at once with the second. Neither key's value appears in a log line, a
 * message, the metrics, health or an error text.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(value = ProviderChainResource.class, initArgs = {
        @ResourceArg(name = "hybrid.cloud.providers.openai.api-key", value = ""),
        @ResourceArg(name = "policy", value = """
                [providers.openai]
                api_key_env = "OPENAI_KEY_REVOKED,OPENAI_KEY_GOOD"
                """), @ResourceArg(name = "OPENAI_KEY_REVOKED", value = KeyRotationTest.REVOKED),
        @ResourceArg(name = "OPENAI_KEY_GOOD", value = "sk-chain-openai-1"),
        @ResourceArg(name = "quarkus.log.category.\"io.hybridllm\".level", value = "DEBUG") })
class KeyRotationTest {

    static final String REVOKED = "sk-revoked-4242-secret";
    private static final String GOOD = ProviderChainResource.KEYS.get("openai");
    private static final KafkaProbe kafka = KafkaProbe.shared();

    @ProviderChainResource.Simulator
    OpenAiSimulator openai;

    private static String send(String id) {
        RoutedRequest routed = Requests.chain(id, new Target("openai", GPT));
        kafka.send(Topics.TIER_CLOUD, routed.id(), Json.write(routed));
        return kafka.awaitKey(Topics.REPLIES, id, Published.WAIT).value();
    }

    @Test
    void aRevokedKeyIsRetiredAndTheNextKeyServesWithoutAnyKeyValueLeaking() {
        try (LogCapture logs = LogCapture.install()) {
            String rawFirst = send("rotation-1");
            LlmReply first = Json.read(rawFirst, LlmReply.class);
            assertThat(first.status()).isEqualTo(LlmReply.Status.SUCCEEDED);
            assertThat(first.attempts()).extracting(Attempt::errorCode).containsExactly(ErrorCode.AUTHENTICATION, null);
            assertThat(first.attempts().get(0).detail()).startsWith("on openai with key OPENAI_KEY_REVOKED: ");
            assertThat(first.attempts().get(1).detail()).isEqualTo("on openai with key OPENAI_KEY_GOOD");
            assertThat(openai.lastRequest().header("Authorization")).isEqualTo("Bearer " + GOOD);

            // Retired for good: the next request goes straight to the second key.
            String rawSecond = send("rotation-2");
            assertThat(Json.read(rawSecond, LlmReply.class).attempts()).singleElement()
                    .satisfies(attempt -> assertThat(attempt.detail()).isEqualTo("on openai with key OPENAI_KEY_GOOD"));

            List<String> usage = kafka.awaitAll(Topics.USAGE, record -> {
                String request = Json.read(record.value(), UsageEvent.class).requestId();
                return request.equals("rotation-1") || request.equals("rotation-2");
            }, 3, Published.WAIT).stream().map(record -> record.value()).toList();
            List<String> control = kafka.awaitAll(Topics.CONTROL_HEALTH, record -> true, 1, Published.WAIT).stream()
                    .map(record -> record.value()).toList();
            for (String secret : List.of(REVOKED, GOOD)) {
                assertThat(rawFirst).doesNotContain(secret);
                assertThat(rawSecond).doesNotContain(secret);
                assertThat(usage).noneMatch(event -> event.contains(secret));
                assertThat(control).noneMatch(event -> event.contains(secret));
                assertThat(logs.lines()).noneMatch(line -> line.contains(secret));
                given().get("/q/metrics").then().statusCode(200).body(not(Matchers.containsString(secret)));
                given().get("/q/health").then().body(not(Matchers.containsString(secret)));
            }
            // The capture works: the retirement was logged, by key id.
            assertThat(logs.lines()).anyMatch(line -> line.contains("retired") && line.contains("OPENAI_KEY_REVOKED"));
        }
    }
}
