package io.hybridllm.ingest.rest;

import static io.hybridllm.ingest.rest.RequestProgressTest.poll;
import static io.hybridllm.ingest.rest.RequestProgressTest.submit;
import static io.hybridllm.ingest.support.Pipeline.KAFKA;
import static io.hybridllm.ingest.support.Pipeline.WAIT;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.util.concurrent.CompletableFuture;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.hybridllm.contracts.Cancellation;
import io.hybridllm.contracts.ErrorInfo;
import io.hybridllm.contracts.RoutedRequest;
import io.hybridllm.contracts.Topics;
import io.hybridllm.contracts.http.Problem;
import io.hybridllm.ingest.requests.Completions;
import io.hybridllm.ingest.support.Pipeline;
import io.hybridllm.testkit.quarkus.KafkaTestResource;
import io.hybridllm.testkit.quarkus.PostgresTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** DELETE cancels a request that has not ended, and tells the workers on llm.cancellations. */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "ingest"))
class CancelTest {

    @Inject
    Completions completions;

    @Test
    void cancelBeforeStartIsPublishedAndTheWorkersSkipReplyKeepsIt() {
        String id = submit();
        RoutedRequest routed = Pipeline.route(Pipeline.queued(id));
        CompletableFuture<String> waiting = CompletableFuture
                .supplyAsync(() -> given().get("/v1/requests/" + id + "?wait=30s").then().extract().asString());
        await().atMost(WAIT).until(() -> completions.isAwaited(id));

        given().delete("/v1/requests/" + id).then().statusCode(200).body("status", equalTo("cancelled"));
        assertThat(waiting.join()).contains("\"status\":\"cancelled\"");
        Cancellation published = KAFKA.awaitMessage(Topics.CANCELLATIONS, id, Cancellation.class, WAIT);
        assertThat(published.tenant()).isEqualTo("acme");

        // What a worker that skips it replies: the status stays cancelled.
        Pipeline.fail(routed, ErrorInfo.ErrorCode.CANCELLED, "cancelled before it started");
        await().atMost(WAIT).untilAsserted(() -> poll(id).body("error.code", equalTo("cancelled")));
        poll(id).body("status", equalTo("cancelled"));
        given().delete("/v1/requests/" + id).then().statusCode(200).body("status", equalTo("cancelled"));
    }

    @Test
    void aCallAlreadyUnderWayKeepsItsAnswerButTheRequestStaysCancelled() {
        String id = submit();
        RoutedRequest routed = Pipeline.route(Pipeline.queued(id));
        given().delete("/v1/requests/" + id).then().statusCode(200);
        Pipeline.answer(routed, "too late");
        await().atMost(WAIT).untilAsserted(() -> poll(id).body("answer", equalTo("too late")));
        poll(id).body("status", equalTo("cancelled"));
    }

    @Test
    void anEndedRequestCannotBeCancelled() {
        String id = submit();
        Pipeline.answer(Pipeline.route(Pipeline.queued(id)), "done");
        await().atMost(WAIT).untilAsserted(() -> poll(id).body("status", equalTo("succeeded")));
        given().delete("/v1/requests/" + id).then().statusCode(409).contentType(Problem.MEDIA_TYPE).body("detail",
                equalTo("request " + id + " has already ended as succeeded; there is nothing to cancel"));
        given().delete("/v1/requests/nope").then().statusCode(404).contentType(Problem.MEDIA_TYPE);
    }
}
