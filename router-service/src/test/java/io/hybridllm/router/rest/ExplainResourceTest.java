package io.hybridllm.router.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import org.junit.jupiter.api.Test;

import io.hybridllm.contracts.http.Problem;
import io.hybridllm.testkit.quarkus.KafkaTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
@WithTestResource(KafkaTestResource.class)
class ExplainResourceTest {

    @Test
    void explainsADecisionWithItsFactors() {
        given().contentType(ContentType.JSON).body("{\"messages\":[{\"role\":\"user\",\"content\":\"What is 2+2?\"}]}")
                .when().post("/v1/route/explain").then().statusCode(200).body("tier", equalTo("local-fast"))
                .body("targets[0].provider", equalTo("ollama")).body("targets[0].tier", equalTo("local-fast"))
                .body("targets[1].tier", equalTo("local-quality")).body("factors", hasSize(5))
                .body("escalation.quality_threshold", equalTo(0.6f)).body("escalation.max_attempts", equalTo(3))
                .body("rule", startsWith("mode hybrid, routing.hybrid.chat, quick depth"))
                .body("policy_version", startsWith("sha256:"));
    }

    @Test
    void personalDataStaysLocalAndTheReasonDoesNotRepeatIt() {
        String prompt = "Analyze the architecture and refactor for concurrency and security, step by step: "
                + "```java\\nclass A {}\\n``` Mail the result to jane.doe@example.com. ";
        given().contentType(ContentType.JSON)
                .body("{\"task_type\":\"refactor\",\"hints\":{\"tier\":\"cloud\"},"
                        + "\"messages\":[{\"role\":\"user\",\"content\":\"" + prompt + "\"}]}")
                .when().post("/v1/route/explain").then().statusCode(200).body("tier", equalTo("local-quality"))
                .body("rule", containsString("privacy: detected email, stays local"))
                .body("rule", not(containsString("jane.doe")));
    }

    @Test
    void explainsWhichTargetsCannotTakeAnImageAndRefusesWhenNoneCan() {
        String parts = "\"parts\":[{\"type\":\"text\",\"text\":\"What is this?\"},"
                + "{\"type\":\"image_url\",\"url\":\"https://example.com/cat.png\",\"detail\":\"low\"}]";
        given().contentType(ContentType.JSON).body("{\"messages\":[{\"role\":\"user\"," + parts + "}]}").when()
                .post("/v1/route/explain").then().statusCode(200).body("targets[0].provider", equalTo("openai"))
                .body("rule", containsString("skipped ollama/llama3.2:1b: does not take images"));
        given().contentType(ContentType.JSON)
                .body("{\"hints\":{\"sensitive\":true},\"messages\":[{\"role\":\"user\"," + parts + "}]}").when()
                .post("/v1/route/explain").then().statusCode(503).contentType(Problem.MEDIA_TYPE)
                .body("detail", startsWith("no target this request may use can take it"));
    }

    @Test
    void invalidBodyIsAProblemNamingTheField() {
        given().contentType(ContentType.JSON).body("{\"messages\":[]}").when().post("/v1/route/explain").then()
                .statusCode(400).contentType(Problem.MEDIA_TYPE).body("field", equalTo("messages"));
    }
}
