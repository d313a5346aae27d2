package io.hybridllm.ingest.feedback;

import static io.hybridllm.ingest.support.Pipeline.KAFKA;
import static io.hybridllm.ingest.support.Pipeline.WAIT;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.hybridllm.contracts.Feedback;
import io.hybridllm.contracts.RequestOutcome;
import io.hybridllm.contracts.Tier;
import io.hybridllm.contracts.Topics;
import io.hybridllm.contracts.json.Json;
import io.hybridllm.ingest.support.Pipeline;
import io.hybridllm.testkit.kafka.KafkaProbe;
import io.hybridllm.testkit.quarkus.KafkaTestResource;
import io.hybridllm.testkit.quarkus.PostgresTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * Feedback a tenant's job produces to its own feedback.<tenant> topic: published as an outcome when it judges an answer
 * of that tenant's, dead-lettered with the reason otherwise.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "ingest"))
class FeedbackTopicTest {

    private static final String OUTCOMES_DLQ = Topics.dlqOf(Topics.OUTCOMES);

    private static String submit(String tenant) {
        return given().contentType(ContentType.JSON)
                .body("{\"tenant\":\"" + tenant + "\",\"messages\":[{\"role\":\"user\",\"content\":\"Explain\"}]}")
                .post("/v1/requests").then().statusCode(202).extract().path("id");
    }

    /** A request routed to local-fast and answered in the cloud after an escalation. */
    private static String answered(String tenant) {
        String id = submit(tenant);
        Pipeline.answer(Pipeline.escalate(Pipeline.route(Pipeline.queued(id))), "an answer");
        await().atMost(WAIT)
                .untilAsserted(() -> given().get("/v1/requests/" + id).then().body("status", equalTo("succeeded")));
        return id;
    }

    /** The reason the record sent under {@code key} was dead-lettered with. */
    private static String deadLetterReason(String key) {
        ConsumerRecord<String, String> letter = KAFKA.awaitKey(OUTCOMES_DLQ, key, WAIT);
        return KafkaProbe.header(letter, "dead-letter-reason").orElseThrow();
    }

    @Test
    void feedbackOnTheTenantsOwnAnswerIsAnOutcome() {
        String id = answered("acme");
        KAFKA.send(Topics.tenantFeedback("acme"), id, Json.write(new Feedback(0, id, 0.1, "wrong")));

        RequestOutcome outcome = KAFKA.awaitMessage(Topics.OUTCOMES, id, RequestOutcome.class, WAIT);
        assertThat(outcome.source()).isEqualTo(RequestOutcome.Source.FEEDBACK);
        assertThat(outcome.tenant()).isEqualTo("acme");
        assertThat(outcome.feedbackScore()).isEqualTo(0.1);
        assertThat(outcome.routedTier()).isEqualTo(Tier.LOCAL_FAST);
        assertThat(outcome.answeredTier()).isEqualTo(Tier.CLOUD);
    }

    @Test
    void whatCannotBeJudgedIsDeadLetteredWithTheReason() {
        String acmes = answered("acme");
        KAFKA.send(Topics.tenantFeedback("umbrella"), acmes, Json.write(new Feedback(0, acmes, 0.9, null)));
        assertThat(deadLetterReason(acmes)).isEqualTo("no request with id " + acmes);

        String queued = submit("acme");
        KAFKA.send(Topics.tenantFeedback("acme"), queued, Json.write(new Feedback(0, queued, 0.9, null)));
        assertThat(deadLetterReason(queued))
                .isEqualTo("request " + queued + " is queued; it has no answer to judge yet");

        String malformed = "malformed-" + UUID.randomUUID();
        KAFKA.send(Topics.tenantFeedback("acme"), malformed, "{\"score\": ");
        assertThat(deadLetterReason(malformed)).isNotBlank();

        String badScore = "bad-score-" + UUID.randomUUID();
        KAFKA.send(Topics.tenantFeedback("acme"), badScore, "{\"request_id\": \"" + acmes + "\", \"score\": 2}");
        assertThat(deadLetterReason(badScore)).contains("score", "must be within [0, 1]");

        String noRequest = "no-request-" + UUID.randomUUID();
        KAFKA.send(Topics.tenantFeedback("acme"), noRequest, "{\"score\": 0.5}");
        assertThat(deadLetterReason(noRequest)).startsWith("request_id: is required");

        // None of them became an outcome (all were dead-lettered by now).
        assertThatThrownBy(() -> KAFKA.awaitAll(Topics.OUTCOMES,
                record -> acmes.equals(record.key()) || queued.equals(record.key()), 1, Duration.ofSeconds(2)))
                        .isInstanceOf(AssertionError.class);
    }
}
