package io.hybridllm.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import com.fasterxml.jackson.databind.JsonNode;

import io.hybridllm.contracts.json.Json;
import io.hybridllm.launcher.faults.FaultSuite;
import io.hybridllm.launcher.system.LaunchOptions;
import io.hybridllm.launcher.system.LocalSystem;
import io.hybridllm.launcher.system.Service;
import io.hybridllm.testkit.simulators.ProviderSimulator;

/**
 * The seed's three modes run as written (issue 14): the system starts with docs/examples/hybrid.toml as its policy,
 * {@code --simulate} standing a simulator in for every provider it names, each in its provider's own API; the other two
 * examples are then put in force with {@code PUT /v1/policy}, and each answers on the providers it names. One system
 * for the three (a start costs most of a minute), so the tests run in order.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ModeExamplesIT {

    private static final String TOKEN = "mode-examples-admin-token";
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Path HOME = Path.of(System.getProperty("hybrid.home", "..")).toAbsolutePath().normalize();
    private static final String SIMPLE = "{\"tenant\":\"modes\",\"task_type\":\"chat\",\"messages\":[{\"role\":\"user\","
            + "\"content\":\"What is 2+2?\"}]}";
    private static LocalSystem system;

    @BeforeAll
    static void start() throws InterruptedException {
        Map<String, String> environment = Map.of("HYBRID_CONFIG", example("hybrid").toString(), "HYBRID_ADMIN_TOKEN",
                TOKEN, "HYBRID_INGEST_LIMITS_REQUESTS_PER_MINUTE", "1000000");
        system = new LocalSystem(LaunchOptions.defaults(HOME).withSimulation(true, Duration.ofMillis(20))
                .withPorts(0, FaultSuite.freePorts()).withEnvironment(environment));
        system.start(System.out);
    }

    @AfterAll
    static void stop() {
        if (system != null) {
            system.close();
        }
    }

    private static Path example(String mode) {
        return HOME.resolve("docs/examples/" + mode + ".toml");
    }

    @Test
    @Order(1)
    void theHybridExampleAnswersSimpleChatOnOllamaAndADeepReviewOnClaude() throws Exception {
        JsonNode chat = awaitFinal(submit(SIMPLE));
        assertThat(chat.path("status").asText()).as(chat.toString()).isEqualTo("succeeded");
        assertThat(chat.path("provider").asText()).isEqualTo("ollama");
        // The file's own local-fast model, not the built-in default's.
        assertThat(chat.path("answer").asText()).startsWith("[simulated mistral:7b]");

        ProviderSimulator claude = system.simulator("claude");
        long before = claude.calls();
        JsonNode review = awaitFinal(submit(complex("review")));
        assertThat(review.path("status").asText()).as(review.toString()).isEqualTo("succeeded");
        assertThat(review.path("routing").path("rule").asText()).contains("routing.hybrid.review", "deep");
        assertThat(review.path("tier").asText()).isEqualTo("cloud");
        assertThat(review.path("provider").asText()).isEqualTo("claude");
        assertThat(review.path("answer").asText()).startsWith("[simulated claude-3-5-sonnet-20241022]");
        // Priced under its kind, though the operator calls it claude: the catalogue lists Anthropic's models.
        assertThat(review.path("cost_usd").decimalValue()).isPositive();
        // Answered by the Anthropic simulator, in Anthropic's API, with the run's key in its own header.
        assertThat(claude.calls()).isEqualTo(before + 1);
        assertThat(claude.lastRequest().path()).isEqualTo("/v1/messages");
        assertThat(claude.lastRequest().header("x-api-key")).startsWith("sk-simulated-");
        assertThat(claude.lastRequest().body().path("max_tokens").asInt()).isEqualTo(4096);
    }

    @Test
    @Order(2)
    void theApiHeavyExampleAnswersChatOnClaudeWithinItsRateLimit() throws Exception {
        Instant applied = apply("api-heavy");
        JsonNode chat = awaitFinal(submit(SIMPLE));
        assertThat(chat.path("status").asText()).as(chat.toString()).isEqualTo("succeeded");
        assertThat(chat.path("provider").asText()).isEqualTo("claude");
        assertThat(system.simulator("claude").lastRequest().body().path("max_tokens").asInt()).isEqualTo(8192);
        // completion goes to copilot: the operator's Copilot gateway, here the OpenAI simulator, with its own key.
        JsonNode completion = awaitFinal(submit(SIMPLE.replace("\"chat\"", "\"completion\"")));
        assertThat(completion.path("provider").asText()).as(completion.toString()).isEqualTo("copilot");
        assertThat(completion.path("answer").asText()).startsWith("[simulated gpt-4o]");
        assertThat(system.simulator("copilot").lastRequest().path()).isEqualTo("/v1/chat/completions");
        assertThat(system.simulator("copilot").lastRequest().header("Authorization"))
                .startsWith("Bearer sk-simulated-");

        // rate_limit_rpm = 50: a bucket of 50 requests, refilled at 50 a minute, from when the worker applied the
        // example (not before the PUT). Of a burst of 100, no more than that reaches the provider within ten seconds;
        // without the limit, all 100 would arrive within a second or two.
        Instant end = burst(100).plusSeconds(10);
        Thread.sleep(Duration.between(Instant.now(), end));
        long reached = system.simulator("claude").callTimes().stream()
                .filter(t -> t.isAfter(applied) && t.isBefore(end)).count();
        long allowed = 50 + Duration.between(applied, end).toSeconds() * 50 / 60 + 1;
        assertThat(allowed).as("a burst large enough to tell").isLessThan(100);
        System.out.printf("claude's rate limit: %d calls reached it between the PUT and ten seconds after the burst"
                + " of 100 (%d allowed)%n", reached, allowed);
        assertThat(reached).isPositive().isLessThanOrEqualTo(allowed);
    }

    /** Submits {@code count} simple chats at once and returns when the burst began. */
    private static Instant burst(int count) throws Exception {
        Instant start = Instant.now();
        for (int i = 0; i < count; i++) {
            submit(SIMPLE.replace("2+2", "2+" + i));
        }
        return start;
    }

    @Test
    @Order(3)
    void theOllamaHeavyExampleAnswersChatOnOllama() throws Exception {
        apply("ollama-heavy");
        JsonNode chat = awaitFinal(submit(SIMPLE.replace("2+2", "3+3")));
        assertThat(chat.path("status").asText()).as(chat.toString()).isEqualTo("succeeded");
        assertThat(chat.path("provider").asText()).isEqualTo("ollama");
        assertThat(chat.path("routing").path("rule").asText()).contains("mode ollama-heavy",
                "routing.ollama-heavy.chat");
        assertThat(chat.path("answer").asText()).startsWith("[simulated mistral:7b]");
        JsonNode review = awaitFinal(submit(SIMPLE.replace("\"chat\"", "\"review\"")));
        assertThat(review.path("provider").asText()).as(review.toString()).isEqualTo("ollama");
        assertThat(review.path("routing").path("rule").asText()).contains("routing.ollama-heavy.review");
        assertThat(system.simulator("ollama").lastRequest().path()).isEqualTo("/api/chat");
    }

    /**
     * Puts an example in force on every replica and waits until the router runs it; the workers read the same record
     * from llm.control, and are given a moment to apply it. Returns when it was published.
     */
    private static Instant apply(String mode) throws Exception {
        Instant published = Instant.now();
        HttpResponse<String> put = HTTP.send(
                HttpRequest.newBuilder(URI.create(system.url(Service.ROUTER) + "/v1/policy"))
                        .header("Authorization", "Bearer " + TOKEN).header("Content-Type", "application/toml")
                        .PUT(HttpRequest.BodyPublishers.ofString(Files.readString(example(mode)))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(put.statusCode()).as(put.body()).isEqualTo(202);
        String version = Json.mapper().readTree(put.body()).path("version").asText();
        await().atMost(WAIT).pollInterval(Duration.ofMillis(100)).until(() -> {
            JsonNode policy = get(system.url(Service.ROUTER) + "/v1/policy");
            return policy.path("version").asText().equals(version) && policy.path("mode").asText().equals(mode);
        });
        Thread.sleep(Duration.ofSeconds(2));
        return published;
    }

    /** A long request full of code and reasoning: it scores deep. */
    private static String complex(String taskType) {
        String prompt = ("Analyze the architecture and review this code: find the race condition under concurrency, "
                + "the performance and security problems, and explain the trade-offs step by step. "
                + "```java\\nclass Cache { Map<String,String> m = new HashMap<>(); }\\n``` ").repeat(8);
        return "{\"tenant\":\"modes\",\"task_type\":\"" + taskType + "\",\"messages\":[{\"role\":\"user\","
                + "\"content\":\"" + prompt + "\"}]}";
    }

    private static String submit(String body) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest
                .newBuilder(URI.create(system.url(Service.INGEST) + "/v1/requests"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        return Json.mapper().readTree(response.body()).path("id").asText();
    }

    private static JsonNode awaitFinal(String id) {
        return await().atMost(WAIT).pollInterval(Duration.ofMillis(10)).until(
                () -> get(system.url(Service.INGEST) + "/v1/requests/" + id + "?wait=10s"),
                view -> Set.of("succeeded", "failed", "cancelled", "expired").contains(view.path("status").asText()));
    }

    private static JsonNode get(String url) throws Exception {
        return Json.mapper().readTree(HTTP
                .send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString()).body());
    }
}
