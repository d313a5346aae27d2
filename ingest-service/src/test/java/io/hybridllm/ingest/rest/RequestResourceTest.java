package io.hybridllm.ingest.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.startsWith;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.hybridllm.contracts.ChatMessage;
import io.hybridllm.contracts.LlmReply;
import io.hybridllm.contracts.LlmRequest;
import io.hybridllm.contracts.RoutedRequest;
import io.hybridllm.contracts.RoutingDecision;
import io.hybridllm.contracts.Target;
import io.hybridllm.contracts.Tier;
import io.hybridllm.contracts.TokenUsage;
import io.hybridllm.contracts.Topics;
import io.hybridllm.contracts.http.Problem;
import io.hybridllm.contracts.json.Json;
import io.hybridllm.testkit.kafka.KafkaProbe;
import io.hybridllm.testkit.quarkus.KafkaTestResource;
import io.hybridllm.testkit.quarkus.PostgresTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "ingest"))
class RequestResourceTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final KafkaProbe kafka = KafkaProbe.shared();

    private static void reply(LlmRequest request, String answer) {
        kafka.send(Topics.REPLIES, request.id(), succeeded(request, answer));
    }

    private static String succeeded(LlmRequest request, String answer) {
        RoutedRequest routed = new RoutedRequest(request,
                new RoutingDecision(Tier.LOCAL_FAST, List.of(new Target("ollama", "llama3.2:1b")), 0.1, List.of(),
                        "score 0.100 < 0.30: local-fast", "hybrid", "builtin-1", null));
        return Json.write(LlmReply.succeeded(routed, new Target("ollama", "llama3.2:1b"), answer, new TokenUsage(7, 5),
                BigDecimal.ZERO, 42, List.of()));
    }

    @Test
    void acceptedRequestIsInKafkaAndPollsToItsAnswer() {
        String id = given().contentType(ContentType.JSON).body("""
                {"tenant":"acme","task_type":"chat","messages":[{"role":"user","content":"What is 2+2?"}],
                 "options":{"max_tokens":16}}""").when().post("/v1/requests").then().statusCode(202)
                .body("status", equalTo("queued")).header("Location", startsWith("http")).extract().path("id");

        LlmRequest queued = Json.read(kafka.awaitKey(Topics.REQUESTS, id, WAIT).value(), LlmRequest.class);
        assertThat(queued.tenant()).isEqualTo("acme");
        assertThat(queued.options().maxTokens()).isEqualTo(16);
        given().when().get("/v1/requests/" + id).then().statusCode(200).body("status", equalTo("queued"));

        reply(queued, "4");
        await().atMost(WAIT).untilAsserted(() -> given().when().get("/v1/requests/" + id).then()
                .body("status", equalTo("succeeded")).body("answer", equalTo("4")).body("provider", equalTo("ollama"))
                .body("usage.prompt_tokens", equalTo(7)).body("routing.tier", equalTo("local-fast")));
    }

    @Test
    void requestProducedByAJobIsPollableToo() {
        LlmRequest request = new LlmRequest(0, "job-req-1", "batch", "job-9", null,
                List.of(ChatMessage.user("Classify: invoice")), null, null, null, null, Instant.now(), null);
        kafka.send(Topics.REQUESTS, request.id(), Json.write(request));
        await().atMost(WAIT).untilAsserted(() -> given().when().get("/v1/requests/job-req-1").then().statusCode(200)
                .body("source", equalTo("kafka")).body("job_id", equalTo("job-9")));
        reply(request, "invoice");
        await().atMost(WAIT).untilAsserted(
                () -> given().when().get("/v1/requests/job-req-1").then().body("status", equalTo("succeeded")));
    }

    @Test
    void invalidBodiesAreRefusedWithTheField() {
        given().contentType(ContentType.JSON).body("{\"messages\":[]}").when().post("/v1/requests").then()
                .statusCode(400).contentType(Problem.MEDIA_TYPE).body("field", equalTo("messages"))
                .body("detail", equalTo("messages: must hold at least one message"));
        given().contentType(ContentType.JSON)
                .body("{\"messages\":[{\"role\":\"user\",\"content\":\"x\"}],\"max_tokens\":5}").when()
                .post("/v1/requests").then().statusCode(400).body("field", equalTo("max_tokens"));
        given().contentType(ContentType.JSON).body("{\"messages\":[{\"role\":\"robot\",\"content\":\"x\"}]}").when()
                .post("/v1/requests").then().statusCode(400).body("field", equalTo("messages[0].role"));
        given().contentType(ContentType.JSON).body("{\"messages\": [").when().post("/v1/requests").then()
                .statusCode(400).body("type", equalTo("urn:hybrid-llm:problem:invalid-request"));
    }

    @Test
    void unknownRequestIsA404Problem() {
        given().when().get("/v1/requests/nope").then().statusCode(404).contentType(Problem.MEDIA_TYPE);
    }

    @Test
    void unreadableReplyIsDeadLettered() {
        kafka.send(Topics.REPLIES, "bad-reply", "{\"request_id\":\"bad-reply\",\"status\":\"succeeded\"}");
        var dead = kafka.awaitKey(Topics.dlqOf(Topics.REPLIES), "bad-reply", WAIT);
        assertThat(KafkaProbe.header(dead, "dead-letter-reason")).hasValueSatisfying(
                reason -> assertThat(reason).contains("answer: is required when status is succeeded"));
    }

    /**
     * Replies are read a poll at a time: an unreadable one among good ones is dead-lettered alone, and the good ones
     * around it are recorded. (Whether the burst lands in one poll is up to the consumer; the outcome must be the
     * same.)
     */
    @Test
    void anUnreadableReplyAmongGoodOnesIsDeadLetteredAlone() {
        List<LlmRequest> requests = List.of("burst-1", "burst-2", "burst-3", "burst-4").stream()
                .map(id -> new LlmRequest(0, id, "batch", null, null, List.of(ChatMessage.user("Classify: " + id)),
                        null, null, null, null, Instant.now(), null))
                .toList();
        requests.forEach(request -> kafka.send(Topics.REQUESTS, request.id(), Json.write(request)));
        Map<String, String> burst = new LinkedHashMap<>();
        burst.put("burst-1", succeeded(requests.get(0), "one"));
        burst.put("burst-2", succeeded(requests.get(1), "two"));
        burst.put("burst-bad", "{\"request_id\":\"burst-bad\",\"status\":\"sideways\"}");
        burst.put("burst-3", succeeded(requests.get(2), "three"));
        burst.put("burst-4", succeeded(requests.get(3), "four"));
        kafka.sendTogether(Topics.REPLIES, burst);

        var dead = kafka.awaitKey(Topics.dlqOf(Topics.REPLIES), "burst-bad", WAIT);
        assertThat(KafkaProbe.header(dead, "dead-letter-reason"))
                .hasValueSatisfying(reason -> assertThat(reason).contains("status"));
        for (LlmRequest request : requests) {
            await().atMost(WAIT).untilAsserted(() -> given().when().get("/v1/requests/" + request.id()).then()
                    .body("status", equalTo("succeeded")));
        }
        assertThatThrownBy(() -> kafka.awaitAll(Topics.dlqOf(Topics.REPLIES),
                record -> record.key().startsWith("burst-"), 2, Duration.ofSeconds(2)))
                        .as("only the unreadable reply is dead-lettered")
                        .hasMessageStartingWith("1 of 2 matching records");
    }

    @Test
    void healthReportsKafkaAndTheDatabase() {
        given().when().get("/q/health/ready").then().statusCode(200).body("checks.name",
                hasItems("Database connections health check"));
    }
}
