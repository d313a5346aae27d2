package io.hybridllm.ingest.http;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;

import io.hybridllm.testkit.quarkus.KafkaTestResource;
import io.hybridllm.testkit.quarkus.PostgresTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** A deeply nested body is refused as soon as the reader passes the nesting limit, not built into a tree first. */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "ingest"))
class HostileJsonTest {

    /** Deeper than any message, within Jackson's default of 1,000: refused by the limit set for this system. */
    private static final String DEEP = "[".repeat(500) + "]".repeat(500);

    @Test
    void aDeeplyNestedChatContentIsA400InOpenAisShape() {
        given().contentType(ContentType.JSON)
                .body("{\"model\":\"x\",\"messages\":[{\"role\":\"user\",\"content\":" + DEEP + "}]}").when()
                .post("/v1/chat/completions").then().statusCode(400)
                .body("error.type", equalTo("invalid_request_error"))
                .body("error.message", containsString("nesting depth"));
    }
}
