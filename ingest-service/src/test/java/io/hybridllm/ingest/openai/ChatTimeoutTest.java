package io.hybridllm.ingest.openai;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import org.junit.jupiter.api.Test;

import io.hybridllm.testkit.quarkus.KafkaTestResource;
import io.hybridllm.testkit.quarkus.PostgresTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Without an answer in time, a chat completion is a 504 naming the request, which goes on and can be polled. */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "ingest"))
class ChatTimeoutTest {

    @Test
    void noAnswerInTimeIsA504WithTheRequestToPoll() {
        String id = given().contentType(ContentType.JSON).header("X-Hybrid-Timeout", "1s")
                .body("{\"model\":\"local-fast\",\"messages\":[{\"role\":\"user\",\"content\":\"nobody answers\"}]}")
                .post("/v1/chat/completions").then().statusCode(504).body("error.code", equalTo("timeout"))
                .body("error.message", containsString("/v1/requests/")).header("Location", notNullValue()).extract()
                .header("X-Hybrid-Request-Id");
        given().get("/v1/requests/" + id).then().statusCode(200).body("status", equalTo("queued"));
    }

    @Test
    void badRequestsAreOpenAiErrors() {
        given().contentType(ContentType.JSON).body("{\"model\":\"auto\",\"messages\":[],\"stream\":false}")
                .post("/v1/chat/completions").then().statusCode(400).body("error.param", equalTo("messages"))
                .body("error.type", equalTo("invalid_request_error"));
        given().contentType(ContentType.JSON)
                .body("{\"model\":\"auto\",\"n\":2,\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}")
                .post("/v1/chat/completions").then().statusCode(400).body("error.param", equalTo("n"));
        given().get("/v1/batches/batch_nope").then().statusCode(404).body("error.code", equalTo("batch_not_found"));
    }
}
