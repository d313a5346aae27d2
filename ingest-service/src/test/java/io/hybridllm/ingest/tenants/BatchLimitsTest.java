package io.hybridllm.ingest.tenants;

import static io.hybridllm.ingest.tenants.Admin.as;
import static io.hybridllm.ingest.tenants.Admin.tenantWithKey;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import io.hybridllm.testkit.quarkus.KafkaTestResource;
import io.hybridllm.testkit.quarkus.PostgresTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/** A batch costs a token per line; batch files have line, size and per-tenant limits; a listing is the tenant's. */
@QuarkusTest
@TestProfile(KeysProfile.class)
@WithTestResource(KafkaTestResource.class)
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "ingest_keys"))
class BatchLimitsTest {

    private static String jsonl(int lines) {
        return "{\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}\n".repeat(lines);
    }

    private static String openAiLines(int lines) {
        StringBuilder file = new StringBuilder();
        for (int i = 0; i < lines; i++) {
            file.append("{\"custom_id\":\"c").append(i)
                    .append("\",\"method\":\"POST\",\"url\":\"/v1/chat/completions\",")
                    .append("\"body\":{\"model\":\"gpt-4o-mini\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}}\n");
        }
        return file.toString();
    }

    private static io.restassured.response.ValidatableResponse upload(String key, String content) {
        return as(key).multiPart("file", "in.jsonl", content.getBytes(StandardCharsets.UTF_8), "application/jsonl")
                .multiPart("purpose", "batch").post("/v1/files").then();
    }

    private static io.restassured.response.ValidatableResponse postBatch(String key, String body) {
        return as(key).contentType("application/jsonl").body(body.getBytes(StandardCharsets.UTF_8))
                .post("/v1/request-batches").then();
    }

    @Test
    void aBatchIsChargedOneTokenPerLineBeforeItIsRead() {
        String key = tenantWithKey("bulk", 5);
        postBatch(key, jsonl(3)).statusCode(202);
        postBatch(key, jsonl(3)).statusCode(429).body("detail", containsString("over its rate of 5"));
    }

    @Test
    void aBatchLargerThanTheRateIsTakenFromAFullAllowanceAndRepaidBeforeAnythingElse() {
        String key = tenantWithKey("bulk-large", 5);
        postBatch(key, jsonl(12)).statusCode(202);
        // 12 lines on a rate of 5: the tenant owes 7 tokens, and waits until they are repaid.
        postBatch(key, jsonl(1)).statusCode(429).header("Retry-After", notNullValue());
    }

    @Test
    void anOpenAiBatchIsChargedByTheLinesOfItsFile() {
        String key = tenantWithKey("bulk-openai", 5);
        String file = upload(key, openAiLines(6)).statusCode(200).extract().path("id");
        String batch = "{\"input_file_id\":\"" + file
                + "\",\"endpoint\":\"/v1/chat/completions\",\"completion_window\":\"24h\"}";
        as(key).contentType(ContentType.JSON).body(batch).post("/v1/batches").then().statusCode(200);
        as(key).contentType(ContentType.JSON).body(batch).post("/v1/batches").then().statusCode(429).body("error.type",
                equalTo("rate_limit_error"));
    }

    @Test
    void aFileOverTheLineLimitIsRefusedInOpenAisShape() {
        String key = tenantWithKey("many-lines", null);
        upload(key, openAiLines(21)).statusCode(413).body("error.code", equalTo("too_large")).body("error.message",
                containsString("21 lines; the limit is 20"));
    }

    @Test
    void aTenantsFilesAreHeldToItsStorageLimit() {
        String key = tenantWithKey("hoarder", null);
        upload(key, openAiLines(15)).statusCode(200);
        upload(key, openAiLines(15)).statusCode(400).body("error.code", equalTo("storage_limit_exceeded"))
                .body("error.message", containsString("4096"));
    }

    @Test
    void aListingHoldsOnlyTheCallersFiles() {
        String mine = tenantWithKey("lister", null);
        String theirs = tenantWithKey("neighbour", null);
        String own = upload(mine, openAiLines(1)).statusCode(200).extract().path("id");
        String other = upload(theirs, openAiLines(1)).statusCode(200).extract().path("id");
        as(mine).get("/v1/files").then().statusCode(200).body("data.id", hasItem(own))
                .body("data.id", not(hasItem(other))).body("has_more", equalTo(false));
        as(mine).get("/v1/files?limit=1").then().statusCode(200).body("data.size()", equalTo(1));
    }
}
