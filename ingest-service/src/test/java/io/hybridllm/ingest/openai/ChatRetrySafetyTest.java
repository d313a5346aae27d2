package io.hybridllm.ingest.openai;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import io.hybridllm.contracts.ErrorInfo;
import io.hybridllm.contracts.LlmReply;
import io.hybridllm.contracts.RoutedRequest;
import io.hybridllm.contracts.RoutingDecision;
import io.hybridllm.contracts.Tier;
import io.hybridllm.ingest.support.Pipeline;
import io.hybridllm.ingest.support.PipelinePlayer;
import io.hybridllm.testkit.quarkus.KafkaTestResource;
import io.hybridllm.testkit.quarkus.PostgresTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * OpenAI's SDKs retry 409 and 5xx on their own: where that would make and pay for a new request, the answer says
 * {@code x-should-retry: false}; an {@code Idempotency-Key} makes a retry find the first request; every /v1 path that
 * is not the native API's answers in OpenAI's error shape.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "ingest"))
class ChatRetrySafetyTest {

    private static String chat(String text) {
        return "{\"model\":\"auto\",\"messages\":[{\"role\":\"user\",\"content\":\"" + text + "\"}]}";
    }

    @Test
    void aTimeoutAndAFailureAfterFailoverTellClientsNotToRetry() throws Exception {
        given().contentType(ContentType.JSON).header("X-Hybrid-Timeout", "1s").body(chat("retry: nobody answers"))
                .post("/v1/chat/completions").then().statusCode(504).header("x-should-retry", "false");
        try (PipelinePlayer player = PipelinePlayer.replying(
                request -> request.messages().getLast().content().startsWith("retry: fails"),
                request -> LlmReply.failed(
                        new RoutedRequest(request,
                                new RoutingDecision(Tier.CLOUD, java.util.List.of(Pipeline.CLOUD), 0.9,
                                        java.util.List.of(), "played", "hybrid", "test", null)),
                        Pipeline.CLOUD, new ErrorInfo(ErrorInfo.ErrorCode.OVERLOADED, "all overloaded"), 5,
                        java.util.List.of()))) {
            given().contentType(ContentType.JSON).body(chat("retry: fails")).post("/v1/chat/completions").then()
                    .statusCode(503).header("x-should-retry", "false").body("error.code", equalTo("overloaded"));
        }
    }

    @Test
    void anIdempotencyKeyMakesTheRetryFindTheFirstRequest() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        try (PipelinePlayer player = new PipelinePlayer(
                request -> request.messages().getLast().content().startsWith("retry: once"),
                request -> "answer " + calls.incrementAndGet())) {
            String first = given().contentType(ContentType.JSON).header("Idempotency-Key", "chat-key-1")
                    .body(chat("retry: once")).post("/v1/chat/completions").then().statusCode(200)
                    .body("choices[0].message.content", equalTo("answer 1")).extract().header("X-Hybrid-Request-Id");
            String again = given().contentType(ContentType.JSON).header("Idempotency-Key", "chat-key-1")
                    .body(chat("retry: once")).post("/v1/chat/completions").then().statusCode(200)
                    .header("Idempotent-Replayed", "true").body("choices[0].message.content", equalTo("answer 1"))
                    .extract().header("X-Hybrid-Request-Id");
            assertThat(again).isEqualTo(first);
            given().contentType(ContentType.JSON).header("Idempotency-Key", "chat-key-1")
                    .body(chat("retry: other body")).post("/v1/chat/completions").then().statusCode(409)
                    .header("x-should-retry", "false").body("error.param", equalTo("Idempotency-Key"));
        }
        assertThat(calls).hasValue(1);
    }

    @Test
    void anUnknownV1PathIsAnOpenAiErrorAndTheNativeApiKeepsProblems() {
        given().get("/v1/moderations").then().statusCode(404).body("error.type", equalTo("not_found_error"));
        given().contentType(ContentType.JSON).body("{}").post("/v1/responses").then().statusCode(404).body("error.type",
                equalTo("not_found_error"));
        given().get("/v1/requests/nope").then().statusCode(404).contentType(containsString("problem+json"));
    }

    @Test
    void aPartNoTargetTakesIsRefusedWithTheReason() {
        given().contentType(ContentType.JSON)
                .body("{\"model\":\"auto\",\"messages\":[{\"role\":\"user\",\"content\":"
                        + "[{\"type\":\"input_audio\",\"input_audio\":{\"data\":\"AAAA\",\"format\":\"wav\"}}]}]}")
                .post("/v1/chat/completions").then().statusCode(400)
                .body("error.param", equalTo("messages[0].content[0]"))
                .body("error.message", containsString("no target's adapter translates them"));
        given().contentType(ContentType.JSON)
                .body("{\"model\":\"auto\",\"messages\":[{\"role\":\"assistant\",\"content\":"
                        + "[{\"type\":\"image_url\",\"image_url\":{\"url\":\"https://x/y.png\"}}]}]}")
                .post("/v1/chat/completions").then().statusCode(400)
                .body("error.param", equalTo("messages[0].content[0].image_url"))
                .body("error.message", containsString("only a user message"));
    }
}
