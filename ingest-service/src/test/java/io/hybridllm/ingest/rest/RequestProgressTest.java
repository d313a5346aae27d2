package io.hybridllm.ingest.rest;

import static io.hybridllm.ingest.support.Pipeline.WAIT;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.util.concurrent.CompletableFuture;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.hybridllm.contracts.ErrorInfo;
import io.hybridllm.contracts.RoutedRequest;
import io.hybridllm.ingest.requests.Completions;
import io.hybridllm.ingest.requests.RequestRecord;
import io.hybridllm.ingest.requests.RequestStatus;
import io.hybridllm.ingest.support.Pipeline;
import io.hybridllm.testkit.quarkus.KafkaTestResource;
import io.hybridllm.testkit.quarkus.PostgresTestResource;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/** A request's way through the system as a client polls it: queued, routed, escalated, and its end. */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "ingest"))
class RequestProgressTest {

    @Inject
    Completions completions;

    @Inject
    MeterRegistry metrics;

    static String submit() {
        return given().contentType(ContentType.JSON)
                .body("{\"tenant\":\"acme\",\"messages\":[{\"role\":\"user\",\"content\":\"Explain monads\"}]}")
                .post("/v1/requests").then().statusCode(202).extract().path("id");
    }

    static ValidatableResponse poll(String id) {
        return given().get("/v1/requests/" + id).then().statusCode(200);
    }

    @Test
    void routedThenEscalatedThenAnsweredWithEveryAttempt() {
        String id = submit();
        RoutedRequest routed = Pipeline.route(Pipeline.queued(id));
        await().atMost(WAIT)
                .untilAsserted(() -> poll(id).body("status", equalTo("routed")).body("tier", equalTo("local-fast"))
                        .body("routing.rule", containsString("local-fast")).body("attempts", hasSize(0)));

        RoutedRequest escalated = Pipeline.escalate(routed);
        await().atMost(WAIT)
                .untilAsserted(() -> poll(id).body("status", equalTo("escalated")).body("tier", equalTo("cloud"))
                        .body("routing.rule", containsString("escalated to cloud"))
                        .body("attempts.outcome", contains("escalated")));

        Pipeline.answer(escalated, "A monad is a monoid in the category of endofunctors.");
        await().atMost(WAIT)
                .untilAsserted(() -> poll(id).body("status", equalTo("succeeded"))
                        .body("answer", containsString("endofunctors")).body("provider", equalTo("openai"))
                        .body("usage.completion_tokens", equalTo(5)).body("cost_usd", equalTo(0.00021f))
                        .body("attempts.outcome", contains("escalated", "succeeded")));
    }

    @Test
    void aLateRoutingRecordDoesNotUndoTheEnd() {
        String id = submit();
        RoutedRequest routed = new RoutedRequest(Pipeline.queued(id), Pipeline.route(Pipeline.queued(id)).decision());
        Pipeline.fail(routed, ErrorInfo.ErrorCode.PROVIDER_UNAVAILABLE, "ollama refused the connection");
        await().atMost(WAIT).untilAsserted(
                () -> poll(id).body("status", equalTo("failed")).body("error.code", equalTo("provider_unavailable")));
        Pipeline.route(Pipeline.queued(id));
        double before = failedReplies();
        Pipeline.fail(routed, ErrorInfo.ErrorCode.PROVIDER_UNAVAILABLE, "redelivered");
        await().atMost(WAIT).until(() -> failedReplies() > before);
        poll(id).body("status", equalTo("failed")).body("error.message", equalTo("ollama refused the connection"));
    }

    @Test
    void aSecondReplyDoesNotChangeAnAnswerTheClientHasSeen() {
        String id = submit();
        RoutedRequest routed = Pipeline.route(Pipeline.queued(id));
        Pipeline.answer(routed, "the first answer");
        await().atMost(WAIT).untilAsserted(() -> poll(id).body("status", equalTo("succeeded")));

        // Redelivered to a restarted worker, whose retry met a 429.
        double before = failedReplies();
        Pipeline.fail(routed, ErrorInfo.ErrorCode.RATE_LIMITED, "redelivered, rate limited");
        await().atMost(WAIT).until(() -> failedReplies() > before);
        poll(id).body("status", equalTo("succeeded")).body("answer", equalTo("the first answer"));
    }

    /** Replies that ended a request as failed, as ingest counts them once it has recorded them. */
    private double failedReplies() {
        var counter = metrics.find("hybrid.ingest.completed").tag("status", "failed").counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void longPollAnswersAsSoonAsTheReplyLands() {
        String id = submit();
        RoutedRequest routed = Pipeline.route(Pipeline.queued(id));
        CompletableFuture<String> poll = CompletableFuture.supplyAsync(
                () -> given().get("/v1/requests/" + id + "?wait=30s").then().statusCode(200).extract().asString());
        await().atMost(WAIT).until(() -> completions.isAwaited(id));
        assertThat(poll).isNotDone();

        Pipeline.answer(routed, "42");
        assertThat(poll.join()).contains("\"status\":\"succeeded\"", "\"answer\":\"42\"");
        assertThat(completions.isAwaited(id)).isFalse();
    }

    @Test
    void aFinalStateThatAnotherReplicaRecordedEndsTheWaitToo() {
        String id = submit();
        CompletableFuture<String> poll = CompletableFuture.supplyAsync(
                () -> given().get("/v1/requests/" + id + "?wait=30s").then().statusCode(200).extract().asString());
        await().atMost(WAIT).until(() -> completions.isAwaited(id));
        // Written behind this replica's back, as another replica consuming the reply would.
        QuarkusTransaction.requiringNew()
                .run(() -> RequestRecord.update("status = ?1 where id = ?2", RequestStatus.FAILED, id));
        assertThat(poll.join()).contains("\"status\":\"failed\"");
    }

    @Test
    void longPollEndsAtItsTimeoutWithTheStateThen() {
        String id = submit();
        given().get("/v1/requests/" + id + "?wait=500ms").then().statusCode(200).body("status", equalTo("queued"));
        assertThat(completions.isAwaited(id)).isFalse();
    }

    @Test
    void aFinalRequestAnswersAtOnceAndBadWaitsAreRefused() {
        String id = submit();
        Pipeline.answer(Pipeline.route(Pipeline.queued(id)), "done");
        await().atMost(WAIT).untilAsserted(() -> poll(id).body("status", equalTo("succeeded")));
        given().get("/v1/requests/" + id + "?wait=60s").then().statusCode(200).body("answer", equalTo("done"));
        given().get("/v1/requests/" + id + "?wait=soon").then().statusCode(400).body("field", equalTo("wait"));
        given().get("/v1/requests/" + id + "?wait=61s").then().statusCode(400).body("field", equalTo("wait"));
    }
}
