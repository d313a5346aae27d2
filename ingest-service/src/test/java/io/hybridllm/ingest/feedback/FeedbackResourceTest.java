package io.hybridllm.ingest.feedback;

import static io.hybridllm.ingest.support.Pipeline.KAFKA;
import static io.hybridllm.ingest.support.Pipeline.WAIT;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.hybridllm.contracts.ErrorInfo;
import io.hybridllm.contracts.RequestOutcome;
import io.hybridllm.contracts.RoutedRequest;
import io.hybridllm.contracts.Tier;
import io.hybridllm.contracts.Topics;
import io.hybridllm.contracts.http.Problem;
import io.hybridllm.contracts.json.Json;
import io.hybridllm.ingest.support.Pipeline;
import io.hybridllm.testkit.quarkus.KafkaTestResource;
import io.hybridllm.testkit.quarkus.PostgresTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/** POST /v1/requests/{id}/feedback: a client judges an answer, and the router is told on llm.outcomes. */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "ingest"))
class FeedbackResourceTest {

    private static String submit() {
        return given().contentType(ContentType.JSON)
                .body("{\"tenant\":\"acme\",\"task_type\":\"review\",\"messages\":[{\"role\":\"user\","
                        + "\"content\":\"Review this\"}]}")
                .post("/v1/requests").then().statusCode(202).extract().path("id");
    }

    private static ValidatableResponse feedback(String id, String body) {
        return given().contentType(ContentType.JSON).body(body).post("/v1/requests/" + id + "/feedback").then();
    }

    /** A request routed to local-fast, handed on to the cloud, and answered there. */
    private static String answeredAfterEscalation() {
        String id = submit();
        RoutedRequest escalated = Pipeline.escalate(Pipeline.route(Pipeline.queued(id)));
        Pipeline.answer(escalated, "looks fine");
        await().atMost(WAIT)
                .untilAsserted(() -> given().get("/v1/requests/" + id).then().body("status", equalTo("succeeded")));
        return id;
    }

    @Test
    void feedbackOnAnAnswerIsPublishedAsAnOutcomeWithTheTiersOfTheReply() {
        String id = answeredAfterEscalation();

        feedback(id, "{\"score\": 0.2, \"comment\": \"missed the bug\"}").statusCode(202)
                .body("request_id", equalTo(id)).body("score", equalTo(0.2f)).body("recorded", equalTo(true));
        feedback(id, "{\"score\": 0.9}").statusCode(202);

        List<RequestOutcome> outcomes = KAFKA.awaitAll(Topics.OUTCOMES, record -> id.equals(record.key()), 2, WAIT)
                .stream().map(record -> Json.read(record.value(), RequestOutcome.class)).toList();
        assertThat(outcomes).extracting(RequestOutcome::feedbackScore).containsExactly(0.2, 0.9);
        RequestOutcome first = outcomes.getFirst();
        assertThat(first.source()).isEqualTo(RequestOutcome.Source.FEEDBACK);
        assertThat(first.tenant()).isEqualTo("acme");
        assertThat(first.taskType().name()).isEqualTo("review");
        assertThat(first.routedTier()).isEqualTo(Tier.LOCAL_FAST);
        assertThat(first.answeredTier()).isEqualTo(Tier.CLOUD);
        assertThat(first.escalated()).isTrue();
        assertThat(first.embedding()).isNull();
        assertThat(first.comment()).isEqualTo("missed the bug");
        assertThat(outcomes.get(1).comment()).isNull();
    }

    @Test
    void aChatCompletionsIdNamesItsRequest() {
        String id = answeredAfterEscalation();
        feedback("chatcmpl-" + id, "{\"score\": 1, \"request_id\": \"chatcmpl-" + id + "\"}").statusCode(202)
                .body("request_id", equalTo(id));
        assertThat(KAFKA.awaitMessage(Topics.OUTCOMES, id, RequestOutcome.class, WAIT).feedbackScore()).isEqualTo(1.0);
    }

    @Test
    void aRequestWithoutAnAnswerHasNothingToJudge() {
        String queued = submit();
        feedback(queued, "{\"score\": 0.5}").statusCode(409).contentType(Problem.MEDIA_TYPE).body("detail",
                equalTo("request " + queued + " is queued; it has no answer to judge yet"));

        String failed = submit();
        Pipeline.fail(Pipeline.route(Pipeline.queued(failed)), ErrorInfo.ErrorCode.NO_PROVIDER, "nobody home");
        await().atMost(WAIT)
                .untilAsserted(() -> given().get("/v1/requests/" + failed).then().body("status", equalTo("failed")));
        feedback(failed, "{\"score\": 0.5}").statusCode(409).body("detail", containsString("with no answer to judge"));

        feedback("no-such-request", "{\"score\": 0.5}").statusCode(404).contentType(Problem.MEDIA_TYPE);
    }

    @Test
    void aBadBodyIsRefusedNamingTheField() {
        String id = answeredAfterEscalation();
        feedback(id, "{\"score\": 1.5}").statusCode(400).contentType(Problem.MEDIA_TYPE).body("field",
                equalTo("score"));
        feedback(id, "{\"comment\": \"no score\"}").statusCode(400).body("field", equalTo("score"));
        feedback(id, "{\"score\": 0.5, \"rating\": 3}").statusCode(400).body("field", equalTo("rating"));
        feedback(id, "{\"score\": 0.5, \"comment\": \"" + "x".repeat(1001) + "\"}").statusCode(400).body("field",
                equalTo("comment"));
        feedback(id, "{\"score\": 0.5, \"request_id\": \"another\"}").statusCode(400).body("field",
                equalTo("request_id"));
        feedback(id, "[0.5]").statusCode(400);
        feedback(id, "{\"score\": 0.5, \"comment\": \"" + "x".repeat(9000) + "\"}").statusCode(413);
    }
}
