package io.hybridllm.ingest.rest;

import static io.hybridllm.ingest.rest.RequestProgressTest.poll;
import static io.hybridllm.ingest.support.Pipeline.WAIT;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.hybridllm.contracts.ChatMessage;
import io.hybridllm.contracts.ErrorInfo;
import io.hybridllm.contracts.LlmRequest;
import io.hybridllm.contracts.Priority;
import io.hybridllm.contracts.RequestHints;
import io.hybridllm.ingest.support.Pipeline;
import io.hybridllm.testkit.quarkus.KafkaTestResource;
import io.hybridllm.testkit.quarkus.PostgresTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** A request past its deadline ends as expired: by the worker's reply, or by ingest's sweep when nobody takes it. */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "ingest"))
class ExpiryTest {

    private static String submitWithDeadline(Instant deadline) {
        return given().contentType(ContentType.JSON)
                .body("{\"tenant\":\"acme\",\"hints\":{\"deadline\":\"" + deadline + "\"},"
                        + "\"messages\":[{\"role\":\"user\",\"content\":\"hurry\"}]}")
                .post("/v1/requests").then().statusCode(202).extract().path("id");
    }

    @Test
    void aQueuedRequestPastItsDeadlineIsExpiredByTheSweepAndOneBeforeItIsNot() {
        String later = submitWithDeadline(Instant.now().plus(Duration.ofHours(1)));
        String late = submitWithDeadline(Instant.now().minusSeconds(1));
        given().get("/v1/requests/" + late + "?wait=30s").then().statusCode(200).body("status", equalTo("expired"))
                .body("error.code", equalTo("expired"));
        poll(later).body("status", equalTo("queued"));
    }

    @Test
    void aWorkersExpiredReplyShowsAsExpired() {
        String id = submitWithDeadline(Instant.now().plus(Duration.ofHours(1)));
        Pipeline.fail(Pipeline.route(Pipeline.queued(id)), ErrorInfo.ErrorCode.EXPIRED,
                "the deadline had passed on tier local-fast");
        await().atMost(WAIT).untilAsserted(() -> poll(id).body("status", equalTo("expired")).body("error.message",
                equalTo("the deadline had passed on tier local-fast")));
    }

    @Test
    void aRoutedRequestNobodyTakesExpiresOnceItsGraceHasPassed() {
        // Produced by a job straight to a tier, with a deadline long past: no worker took it.
        LlmRequest request = new LlmRequest(0, "stale-" + System.nanoTime(), "acme", null, null,
                List.of(ChatMessage.user("hello")), null, new RequestHints(null, null, false, null, Priority.BATCH,
                        Instant.now().minus(Duration.ofHours(1)), null),
                null, null, null, null);
        Pipeline.route(request);
        await().atMost(WAIT).untilAsserted(() -> poll(request.id()).body("status", equalTo("expired")));
    }
}
