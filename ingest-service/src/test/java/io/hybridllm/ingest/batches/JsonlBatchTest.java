package io.hybridllm.ingest.batches;

import static io.hybridllm.ingest.support.Pipeline.KAFKA;
import static io.hybridllm.ingest.support.Pipeline.WAIT;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.hybridllm.contracts.Cancellation;
import io.hybridllm.contracts.Topics;
import io.hybridllm.contracts.json.Json;
import io.hybridllm.ingest.support.PipelinePlayer;
import io.hybridllm.testkit.quarkus.KafkaTestResource;
import io.hybridllm.testkit.quarkus.PostgresTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

/** Native batches: JSON Lines in, a request per good line, results in input order, through real Kafka. */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "ingest"))
class JsonlBatchTest {

    private static ValidatableResponse post(String jsonl) {
        return given().contentType("application/jsonl").body(jsonl.getBytes(StandardCharsets.UTF_8))
                .post("/v1/request-batches").then();
    }

    private static String line(int n) {
        return "{\"tenant\":\"acme\",\"messages\":[{\"role\":\"user\",\"content\":\"item " + n + "\"}]}";
    }

    @Test
    void aThousandLinesWithTwoMalformedFinishWith998ResultsInInputOrder() throws Exception {
        StringBuilder jsonl = new StringBuilder();
        for (int n = 1; n <= 1000; n++) {
            jsonl.append(n == 10 ? "{\"messages\": [ oops" : n == 500 ? "{\"messages\":[]}" : line(n)).append('\n');
        }
        String id;
        try (PipelinePlayer player = new PipelinePlayer(
                request -> request.jobId() != null && request.jobId().startsWith("batch_"),
                request -> "answer to " + request.messages().getLast().content())) {
            id = post(jsonl.toString()).statusCode(202).body("id", startsWith("batch_")).body("lines", equalTo(1000))
                    .body("accepted", equalTo(998)).body("malformed", equalTo(2)).body("errors[0].line", equalTo(10))
                    .body("errors[1].line", equalTo(500)).body("errors[1].field", equalTo("messages")).extract()
                    .path("id");
            await().atMost(Duration.ofSeconds(120)).untilAsserted(() -> given().get("/v1/request-batches/" + id).then()
                    .statusCode(200).body("status", equalTo("completed")).body("counts.succeeded", equalTo(998)));
        }
        BigDecimal cost = new BigDecimal(
                given().get("/v1/request-batches/" + id).then().extract().path("cost_usd").toString());
        assertThat(cost).isEqualByComparingTo(PipelinePlayer.COST.multiply(BigDecimal.valueOf(998)));

        String results = given().get("/v1/request-batches/" + id + "/results").then().statusCode(200)
                .contentType(startsWith("application/jsonl")).extract().asString();
        List<BatchResult> lines = results.lines().map(text -> Json.read(text, BatchResult.class)).toList();
        assertThat(lines).hasSize(998);
        assertThat(lines).extracting(BatchResult::line).isSorted().doesNotContain(10, 500);
        assertThat(lines).allSatisfy(result -> {
            assertThat(result.status()).isEqualTo("succeeded");
            assertThat(result.answer()).isEqualTo("answer to item " + result.line());
        });
    }

    @Test
    void aLineOverTheOneRequestLimitIs413NotARetryLater() {
        String huge = "{\"tenant\":\"acme\",\"messages\":[{\"role\":\"user\",\"content\":\"" + "a".repeat(1_200_000)
                + "\"}]}";
        post(line(1) + "\n" + huge + "\n").statusCode(413).body("detail", startsWith("line 2 of the batch is"));
    }

    @Test
    void cancellingABatchCancelsEveryRequestNotYetEnded() {
        String id = post(line(1) + "\n" + line(2) + "\n\n" + line(4) + "\n").statusCode(202)
                .body("accepted", equalTo(3)).extract().path("id");
        given().delete("/v1/request-batches/" + id).then().statusCode(200).body("status", equalTo("cancelled"))
                .body("counts.cancelled", equalTo(3));
        String results = given().get("/v1/request-batches/" + id + "/results").then().extract().asString();
        List<BatchResult> lines = results.lines().map(text -> Json.read(text, BatchResult.class)).toList();
        assertThat(lines).extracting(BatchResult::line).containsExactly(1, 2, 4);
        assertThat(lines).allSatisfy(result -> assertThat(result.error().code().name()).isEqualTo("CANCELLED"));
        KAFKA.awaitMessage(Topics.CANCELLATIONS, lines.getFirst().id(), Cancellation.class, WAIT);
    }

    @Test
    void batchesOverTheLimitsOrEmptyAreRefused() {
        post("\n\n").statusCode(400);
        post("x\n".repeat(50_001)).statusCode(413);
        given().get("/v1/request-batches/batch_nope").then().statusCode(404);
    }
}
