package io.hybridllm.worker.cloud.backend;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.hybridllm.contracts.ChatMessage;
import io.hybridllm.contracts.ErrorInfo;
import io.hybridllm.contracts.ErrorInfo.ErrorCode;
import io.hybridllm.contracts.LlmRequest;
import io.hybridllm.contracts.Tier;
import io.hybridllm.contracts.json.Json;
import io.hybridllm.worker.cloud.config.WorkerConfig;
import io.hybridllm.worker.core.CallResult;
import io.hybridllm.worker.core.ModelBackend;

/**
 * OpenAI's chat completions API ({@code POST /chat/completions}) and its model list ({@code GET /models}) for health.
 * Every call has its own timeout and is made exactly once: retrying after a 429, failover and escalation are decisions
 * for the caller, which sees the Retry-After in the error message.
 */
@ApplicationScoped
public class OpenAiClient implements ModelBackend {

    public static final String PROVIDER = "openai";
    public static final String NO_KEY = "no API key configured for openai: set OPENAI_API_KEY";
    static final String BAD_KEY = "the API key configured for openai holds control characters: check OPENAI_API_KEY";

    private final HttpClient http;
    private final String baseUrl;
    private final String apiKey;
    private final String keyProblem;
    private final Duration timeout;
    private final Duration healthTimeout;
    private String defaultModel;

    @Inject
    public OpenAiClient(WorkerConfig config) {
        this(config.openai().baseUrl(), config.openai().apiKey().orElse(""), config.openai().connectTimeout(),
                config.openai().timeout(), config.openai().healthTimeout());
        this.defaultModel = config.openai().defaultModel();
    }

    public OpenAiClient(String baseUrl, String apiKey, Duration connectTimeout, Duration timeout,
            Duration healthTimeout) {
        this.baseUrl = baseUrl.strip().replaceAll("/+$", "");
        this.apiKey = apiKey.strip();
        // Checked here, because the HTTP client's complaint about a bad header value could quote the key.
        this.keyProblem = this.apiKey.isEmpty() ? NO_KEY
                : this.apiKey.chars().anyMatch(c -> c < 0x20 || c == 0x7f) ? BAD_KEY : null;
        this.timeout = timeout;
        this.healthTimeout = healthTimeout;
        this.http = HttpClient.newBuilder().connectTimeout(connectTimeout).followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    @Override
    public boolean listsEveryModel() {
        return false;
    }

    @Override
    public String baseUrl() {
        return baseUrl;
    }

    /** OpenAI lists every model of the account; their number says enough in a health report. */
    @Override
    public Object modelsForHealth(List<String> models) {
        return models.size();
    }

    @Override
    public String provider() {
        return PROVIDER;
    }

    @Override
    public String defaultModel(Tier tier) {
        return defaultModel;
    }

    /** No key, or an unusable one: no call can be made, and none is billed. */
    @Override
    public Optional<ErrorInfo> refusal() {
        return Optional.ofNullable(keyProblem).map(problem -> new ErrorInfo(ErrorCode.AUTHENTICATION, problem));
    }

    /** One chat completion; a failure of any kind comes back as {@link CallResult.Failed}, never as an exception. */
    @Override
    public CallResult chat(String model, LlmRequest request) throws InterruptedException {
        if (keyProblem != null) {
            return new CallResult.Failed(new ErrorInfo(ErrorCode.AUTHENTICATION, keyProblem));
        }
        try {
            HttpRequest call = authorized(URI.create(baseUrl + "/chat/completions")).timeout(timeout)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(Json.write(body(model, request)))).build();
            HttpResponse<String> response = http.send(call, HttpResponse.BodyHandlers.ofString());
            return OpenAiResponses.of(response.statusCode(), response.headers().firstValue("Retry-After"),
                    response.body(), apiKey);
        } catch (IOException e) {
            return OpenAiResponses.of(e, baseUrl, timeout);
        }
    }

    /** The ids of the models the key may use; fails with a redacted message fit for a health report. */
    @Override
    public List<String> models() throws IOException, InterruptedException {
        if (keyProblem != null) {
            throw new IOException(keyProblem);
        }
        HttpResponse<String> response = http.send(
                authorized(URI.create(baseUrl + "/models")).timeout(healthTimeout).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException(OpenAiResponses
                    .error(response.statusCode(), response.headers().firstValue("Retry-After"), response.body(), apiKey)
                    .message());
        }
        List<String> ids = new ArrayList<>();
        try {
            Json.mapper().readTree(response.body()).path("data").forEach(model -> ids.add(model.path("id").asText()));
        } catch (JsonProcessingException e) {
            throw new IOException("GET /models answered malformed JSON", e);
        }
        return ids;
    }

    private HttpRequest.Builder authorized(URI uri) {
        return HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + apiKey);
    }

    static JsonNode body(String model, LlmRequest request) {
        ObjectNode body = Json.mapper().createObjectNode().put("model", model);
        ArrayNode messages = body.putArray("messages");
        for (ChatMessage message : request.messages()) {
            messages.addObject().put("role", message.role().name().toLowerCase(Locale.ROOT)).put("content",
                    message.content());
        }
        if (request.options().maxTokens() != null) {
            body.put("max_tokens", request.options().maxTokens());
        }
        if (request.options().temperature() != null) {
            body.put("temperature", request.options().temperature());
        }
        return body;
    }
}
