package io.hybridllm.worker.cloud.messaging;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

import org.junit.jupiter.api.Test;

import io.hybridllm.contracts.Attempt;
import io.hybridllm.contracts.ErrorInfo.ErrorCode;
import io.hybridllm.contracts.LlmReply;
import io.hybridllm.contracts.RoutedRequest;
import io.hybridllm.contracts.Topics;
import io.hybridllm.contracts.UsageEvent;
import io.hybridllm.contracts.json.Json;
import io.hybridllm.testkit.kafka.KafkaProbe;
import io.hybridllm.testkit.kafka.Published;
import io.hybridllm.testkit.quarkus.KafkaTestResource;
import io.hybridllm.worker.cloud.OpenAiSimulatorResource;
import io.hybridllm.worker.cloud.Requests;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** The worker runs with a key the provider does not accept; the key must not surface anywhere. */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(value = OpenAiSimulatorResource.class, initArgs = @ResourceArg(name = "api-key", value = WrongKeyTest.WRONG_KEY))
class WrongKeyTest {

    static final String WRONG_KEY = "sk-wrong-key-999";

    private static final KafkaProbe kafka = KafkaProbe.shared();

    @Test
    void wrongKeyFailsWithAuthenticationAndTheKeyIsNowhere() {
        RoutedRequest routed = Requests.routed("cloud-wrong-key-1", "gpt-4o-mini");
        kafka.send(Topics.TIER_CLOUD, routed.id(), Json.write(routed));

        String rawReply = kafka.awaitKey(Topics.REPLIES, routed.id(), Published.WAIT).value();
        LlmReply reply = Json.read(rawReply, LlmReply.class);
        assertThat(reply.status()).isEqualTo(LlmReply.Status.FAILED);
        assertThat(reply.error().code()).isEqualTo(ErrorCode.AUTHENTICATION);
        assertThat(reply.error().message()).contains("HTTP 401, invalid_api_key");
        assertThat(rawReply).doesNotContain(WRONG_KEY);

        String rawUsage = Published.usage(kafka, routed.id(), Published.WAIT).value();
        UsageEvent usage = Json.read(rawUsage, UsageEvent.class);
        assertThat(usage.outcome()).isEqualTo(Attempt.Outcome.FAILED);
        assertThat(usage.errorCode()).isEqualTo(ErrorCode.AUTHENTICATION);
        assertThat(rawUsage).doesNotContain(WRONG_KEY);

        await().atMost(Published.WAIT)
                .untilAsserted(() -> given().get("/q/health/group/backends").then().statusCode(503)
                        .body("status", is("DOWN")).body("checks[0].data.openai", containsString("HTTP 401"))
                        .body(not(containsString(WRONG_KEY))));
        given().get("/q/metrics").then().statusCode(200).body(not(containsString(WRONG_KEY)));
    }
}
