package io.hybridllm.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.hybridllm.contracts.json.Json;
import io.hybridllm.testkit.simulators.AnthropicSimulator;
import io.hybridllm.testkit.simulators.CloudSimulator;
import io.hybridllm.testkit.simulators.OllamaSimulator;
import io.hybridllm.testkit.simulators.OpenAiSimulator;

class SimulatorsTest {

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> post(String url, String body, String key) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void ollamaAnswersChatWithTokenCountsAndRefusesUnknownModels() throws Exception {
        try (OllamaSimulator ollama = OllamaSimulator.start(Duration.ZERO, List.of("llama3.2:1b"))) {
            HttpResponse<String> ok = post(ollama.baseUrl() + "/api/chat", """
                    {"model":"llama3.2:1b","stream":false,"messages":[{"role":"user","content":"What is 2+2?"}]}""",
                    null);
            JsonNode body = Json.mapper().readTree(ok.body());
            assertThat(ok.statusCode()).isEqualTo(200);
            assertThat(body.path("message").path("content").asText()).contains("What is 2+2?");
            assertThat(body.path("prompt_eval_count").asInt()).isPositive();
            assertThat(body.path("eval_count").asInt()).isPositive();
            assertThat(body.path("done").asBoolean()).isTrue();

            HttpResponse<String> missing = post(ollama.baseUrl() + "/api/chat", """
                    {"model":"nope","messages":[{"role":"user","content":"x"}]}""", null);
            assertThat(missing.statusCode()).isEqualTo(404);
            assertThat(missing.body()).contains("not found, try pulling it first");
        }
    }

    @Test
    void openAiChecksTheKeyReportsUsageAndInjectsFaults() throws Exception {
        try (OpenAiSimulator openai = OpenAiSimulator.start(Duration.ZERO, List.of("gpt-4o-mini"), "sk-test")) {
            String chat = """
                    {"model":"gpt-4o-mini","messages":[{"role":"user","content":"Design a cache"}]}""";
            assertThat(post(openai.baseUrl() + "/v1/chat/completions", chat, "wrong").statusCode()).isEqualTo(401);

            JsonNode ok = Json.mapper()
                    .readTree(post(openai.baseUrl() + "/v1/chat/completions", chat, "sk-test").body());
            assertThat(ok.path("choices").get(0).path("message").path("content").asText()).contains("Design a cache");
            assertThat(ok.path("usage").path("total_tokens").asInt())
                    .isEqualTo(ok.path("usage").path("prompt_tokens").asInt()
                            + ok.path("usage").path("completion_tokens").asInt());

            openai.failNext(1, 429, Map.of("Retry-After", "2"));
            HttpResponse<String> limited = post(openai.baseUrl() + "/v1/chat/completions", chat, "sk-test");
            assertThat(limited.statusCode()).isEqualTo(429);
            assertThat(limited.headers().firstValue("Retry-After")).contains("2");
            assertThat(Json.mapper().readTree(limited.body()).path("error").path("code").asText())
                    .isEqualTo("rate_limit_exceeded");
        }
    }

    @Test
    void cloudSimulatorsRecordRequestsAndAnswerATroubleOnce() throws Exception {
        try (AnthropicSimulator claude = AnthropicSimulator.start(Duration.ZERO, List.of("claude-x"), "sk-ant-k")) {
            String message = """
                    {"model":"claude-x","max_tokens":10,"messages":[{"role":"user","content":"Hi"}]}""";
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(claude.baseUrl() + "/v1/messages"))
                    .header("x-api-key", "sk-ant-k").header("anthropic-version", "2023-06-01")
                    .POST(HttpRequest.BodyPublishers.ofString(message));

            claude.next(CloudSimulator.Trouble.OVERLOADED);
            HttpResponse<String> overloaded = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            assertThat(overloaded.statusCode()).isEqualTo(529);
            assertThat(Json.mapper().readTree(overloaded.body()).path("error").path("type").asText())
                    .isEqualTo("overloaded_error");

            HttpResponse<String> ok = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            assertThat(ok.statusCode()).isEqualTo(200);
            assertThat(Json.mapper().readTree(ok.body()).path("usage").path("output_tokens").asInt()).isPositive();
            assertThat(claude.lastRequest().header("X-Api-Key")).isEqualTo("sk-ant-k");
            assertThat(claude.lastRequest().body().path("max_tokens").asInt()).isEqualTo(10);
            assertThat(claude.calls()).isEqualTo(2);
        }
    }
}
