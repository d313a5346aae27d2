package io.hybridllm.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.hybridllm.contracts.json.Json;
import io.hybridllm.launcher.system.LocalSystem;
import io.hybridllm.launcher.system.Service;
import io.hybridllm.testkit.postgres.PostgresServer;

/**
 * The whole system as {@code ./hybrid up --simulate} runs it: embedded Kafka and PostgreSQL, the five services as
 * processes from their built applications, simulated providers. A request goes in over HTTP and comes back answered,
 * routed by its complexity, with its usage priced in the cost store.
 */
class EndToEndIT {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static LocalSystem system;

    @BeforeAll
    static void start() throws InterruptedException {
        system = SimulatedSystem.get();
    }

    @Test
    void simpleQuestionIsAnsweredLocallyAndItsUsageIsStored() throws Exception {
        String id = submit("{\"tenant\":\"e2e\",\"messages\":[{\"role\":\"user\",\"content\":\"What is 2+2?\"}]}");
        JsonNode result = awaitFinal(id);

        assertThat(result.path("status").asText()).isEqualTo("succeeded");
        assertThat(result.path("tier").asText()).isEqualTo("local-fast");
        assertThat(result.path("provider").asText()).isEqualTo("ollama");
        assertThat(result.path("answer").asText()).contains("[simulated llama3.2:1b]", "What is 2+2?");
        assertThat(result.path("usage").path("prompt_tokens").asInt()).isPositive();
        assertThat(result.path("routing").path("rule").asText()).endsWith("local-fast");

        await().atMost(WAIT).until(() -> usageRows(id) == 1);
        JsonNode summary = get(system.url(Service.COST) + "/v1/costs/summary?group_by=provider,model");
        assertThat(summary.toString()).contains("\"provider\":\"ollama\"");
    }

    @Test
    void complexRequestGoesToTheCloudAndIsPriced() throws Exception {
        String prompt = ("Analyze the architecture and refactor this code: fix the race condition under concurrency, "
                + "optimize performance, keep security, and explain the trade-offs step by step. "
                + "```java\\nclass Cache { Map<String,String> m = new HashMap<>(); }\\n``` ").repeat(8);
        String id = submit("{\"tenant\":\"e2e\",\"task_type\":\"refactor\",\"messages\":[{\"role\":\"user\","
                + "\"content\":\"" + prompt + "\"}]}");
        JsonNode result = awaitFinal(id);

        assertThat(result.path("status").asText()).isEqualTo("succeeded");
        assertThat(result.path("tier").asText()).isEqualTo("cloud");
        assertThat(result.path("provider").asText()).isEqualTo("openai");
        assertThat(result.path("routing").path("score").asDouble()).isGreaterThanOrEqualTo(0.6);
        assertThat(result.path("cost_usd").decimalValue()).isPositive();

        await().atMost(WAIT).until(() -> usageRows(id) == 1);
        JsonNode summary = get(system.url(Service.COST) + "/v1/costs/summary?group_by=provider,model");
        assertThat(summary.toString()).contains("\"provider\":\"openai\"", "\"model\":\"gpt-4o-mini\"");
    }

    private static String submit(String body) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest
                .newBuilder(URI.create(system.url(Service.INGEST) + "/v1/requests"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        return Json.mapper().readTree(response.body()).path("id").asText();
    }

    /** Long-polls, as a client would, until the request is over. */
    private static JsonNode awaitFinal(String id) {
        return await().atMost(WAIT).pollInterval(Duration.ofMillis(10)).until(
                () -> get(system.url(Service.INGEST) + "/v1/requests/" + id + "?wait=10s"),
                view -> Set.of("succeeded", "failed", "cancelled", "expired").contains(view.path("status").asText()));
    }

    private static JsonNode get(String url) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString());
        return Json.mapper().readTree(response.body());
    }

    private static int usageRows(String requestId) throws Exception {
        PostgresServer postgres = system.postgres();
        try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl("cost"), postgres.username(),
                postgres.password());
                PreparedStatement query = connection
                        .prepareStatement("select count(*) from usage_event where request_id = ?")) {
            query.setString(1, requestId);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }
}
