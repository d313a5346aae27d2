package io.hybridllm.ingest.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;

import io.hybridllm.contracts.http.Problem;
import io.hybridllm.ingest.requests.RequestRecord;
import io.hybridllm.testkit.quarkus.KafkaTestResource;
import io.hybridllm.testkit.quarkus.PostgresTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/** A retried submit with the same Idempotency-Key finds its first request instead of making another. */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "ingest"))
class IdempotentSubmitTest {

    private static final String BODY = "{\"tenant\":\"acme\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";

    private static ValidatableResponse submit(String key, String body) {
        return given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(body).when()
                .post("/v1/requests").then();
    }

    @Test
    void retryWithTheSameKeyAndBodyReturnsTheOriginalRequest() {
        long before = RequestRecord.count();
        String first = submit("order-1", BODY).statusCode(202).extract().path("id");
        // Spaced differently and with the fields in another order: the same submission.
        String again = "{ \"messages\" : [ {\"content\":\"hi\", \"role\":\"user\"} ],\n \"tenant\" : \"acme\" }";
        submit("order-1", again).statusCode(200).header("Idempotent-Replayed", "true").body("id", equalTo(first))
                .body("status", equalTo("queued")).body("status_url", endsWith("/v1/requests/" + first));
        assertThat(RequestRecord.count()).isEqualTo(before + 1);
    }

    @Test
    void sameKeyWithAnotherBodyIsAConflict() {
        String first = submit("order-2", BODY).statusCode(202).extract().path("id");
        submit("order-2", BODY.replace("hi", "bye")).statusCode(409).contentType(Problem.MEDIA_TYPE)
                .body("field", equalTo("Idempotency-Key"))
                .body("type", equalTo("urn:hybrid-llm:problem:idempotency-key-reused"))
                .body("detail", containsString(first));
    }

    @Test
    void keysArePerTenant() {
        String acme = submit("shared-key", BODY).statusCode(202).extract().path("id");
        String other = submit("shared-key", BODY.replace("acme", "globex")).statusCode(202).extract().path("id");
        assertThat(other).isNotEqualTo(acme);
    }

    @Test
    void withoutAKeyEverySubmitIsNew() {
        String one = given().contentType(ContentType.JSON).body(BODY).post("/v1/requests").then().statusCode(202)
                .extract().path("id");
        String two = given().contentType(ContentType.JSON).body(BODY).post("/v1/requests").then().statusCode(202)
                .extract().path("id");
        assertThat(one).isNotEqualTo(two);
    }

    @Test
    void aKeyThatIsNotPrintableAsciiIsRefused() {
        submit("x".repeat(256), BODY).statusCode(400).body("field", equalTo("Idempotency-Key"));
    }
}
