package io.hybridllm.ingest.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import io.hybridllm.testkit.quarkus.KafkaTestResource;
import io.hybridllm.testkit.quarkus.PostgresTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * A submission may name only a reply topic of its own tenant, a deadline within the cap, and images only by https URL
 * or data: URI.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "ingest"))
class SubmissionBoundsTest {

    private static String submission(String replyTo) {
        return """
                {"tenant":"acme","messages":[{"role":"user","content":"Hi"}],"reply_to":"%s"}""".formatted(replyTo);
    }

    @Test
    void theControlTopicIsRefusedNamingTheFieldAndTheAllowedPrefix() {
        given().contentType(ContentType.JSON).body(submission("llm.control.modes")).when().post("/v1/requests").then()
                .statusCode(400).contentType("application/problem+json").body("field", equalTo("reply_to"))
                .body("detail", containsString("system topic")).body("detail", containsString("'replies.acme.'"));
    }

    @Test
    void anotherTenantsReplyTopicIsRefused() {
        given().contentType(ContentType.JSON).body(submission("replies.globex.jobs")).when().post("/v1/requests").then()
                .statusCode(400).body("field", equalTo("reply_to")).body("detail", containsString("'replies.acme.'"));
    }

    @Test
    void theTenantsOwnReplyTopicIsAccepted() {
        given().contentType(ContentType.JSON).body(submission("replies.acme.jobs")).when().post("/v1/requests").then()
                .statusCode(202);
    }

    @Test
    void aDeadlineBeyondTheCapIsRefusedNamingTheFieldAndTheCap() {
        String body = """
                {"messages":[{"role":"user","content":"Hi"}],"hints":{"deadline":"%s"}}"""
                .formatted(java.time.Instant.now().plus(java.time.Duration.ofDays(400)));
        given().contentType(ContentType.JSON).body(body).when().post("/v1/requests").then().statusCode(400)
                .body("field", equalTo("hints.deadline")).body("detail", containsString("PT24H"));
    }

    @Test
    void aDeadlineWithinTheCapIsAccepted() {
        String body = """
                {"messages":[{"role":"user","content":"Hi"}],"hints":{"deadline":"%s"}}"""
                .formatted(java.time.Instant.now().plus(java.time.Duration.ofHours(23)));
        given().contentType(ContentType.JSON).body(body).when().post("/v1/requests").then().statusCode(202);
    }

    @Test
    void aBatchLineWithAForeignReplyTopicIsRefusedByItsLine() {
        given().contentType("application/jsonl").body((submission("llm.usage") + "\n").getBytes(StandardCharsets.UTF_8))
                .when().post("/v1/request-batches").then().statusCode(202).body("accepted", equalTo(0))
                .body("errors[0].field", equalTo("reply_to")).body("errors[0].error", containsString("system topic"));
    }

    @Test
    void imagePartsAreTakenByHttpsUrlOrDataUriAndRefusedOtherwiseNamingTheField() {
        String body = """
                {"messages":[{"role":"user","parts":[{"type":"text","text":"What is this?"},
                {"type":"image_url","url":"%s","detail":"low"}]}]}""";
        given().contentType(ContentType.JSON).body(body.formatted("https://example.com/cat.png")).when()
                .post("/v1/requests").then().statusCode(202);
        given().contentType(ContentType.JSON).body(body.formatted("file:///etc/passwd")).when().post("/v1/requests")
                .then().statusCode(400).body("field", containsString("url"))
                .body("detail", containsString("https:// URL"));
    }
}
