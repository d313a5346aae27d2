package io.hybridllm.worker.local.backend;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.hybridllm.contracts.GenerationOptions;
import io.hybridllm.contracts.LlmRequest;
import io.hybridllm.contracts.Tier;
import io.hybridllm.contracts.json.Json;
import io.hybridllm.worker.core.AnswerPieces;
import io.hybridllm.worker.core.CallResult;
import io.hybridllm.worker.core.ModelBackend;
import io.hybridllm.worker.core.pool.ModelPreparation;

/**
 * Ollama's native API on one host: {@code POST /api/chat} without streaming, {@code GET /api/tags} for health and the
 * models present, {@code POST /api/pull} to fetch a model, and a load with {@code keep_alive} to warm one up. Every
 * call has its own timeout and is made exactly once: retrying, failover and escalation are decisions for the caller.
 */
public class OllamaClient implements ModelBackend, ModelPreparation {

    public static final String PROVIDER = "ollama";
    private static final int DEFAULT_PORT = 11434;
    /** How long a warmed-up model stays loaded without requests (Ollama's default is 5 minutes). */
    private static final String KEEP_ALIVE = "30m";

    private final String name;
    private final String provider;
    private final HttpClient http;
    private final String baseUrl;
    private final Duration timeout;
    private final Duration healthTimeout;
    private final Duration pullTimeout;
    private final Map<Tier, String> defaultModels;
    private final Integer answerLimit;

    /** How long each kind of call may take. */
    public record Timeouts(Duration connect, Duration call, Duration health, Duration pull) {
    }

    /**
     * Backend {@code name} of the policy's provider {@code provider}, with the tiers' models, and {@code answerLimit}
     * (the policy's {@code max_tokens}, or null): the most tokens an answer may have.
     */
    public OllamaClient(String name, String provider, String baseUrl, Timeouts timeouts, Map<Tier, String> models,
            Integer answerLimit) {
        this.name = name;
        this.provider = provider;
        this.defaultModels = Map.copyOf(models);
        this.answerLimit = answerLimit;
        this.baseUrl = normalize(baseUrl);
        this.timeout = timeouts.call();
        this.healthTimeout = timeouts.health();
        this.pullTimeout = timeouts.pull();
        // HTTP/1.1: Ollama speaks plain HTTP, and an h2c upgrade attempt would only add a round trip.
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeouts.connect())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    public OllamaClient(String baseUrl, Duration connectTimeout, Duration timeout, Duration healthTimeout) {
        this(PROVIDER, PROVIDER, baseUrl, new Timeouts(connectTimeout, timeout, healthTimeout, timeout), Map.of(),
                null);
    }

    /**
     * Reads {@code OLLAMA_HOST} the way Ollama does: without a scheme it means http on port 11434 unless it names one,
     * so {@code localhost:11434} and {@code 0.0.0.0} both work; a URL with a scheme is taken as written.
     */
    public static String normalize(String baseUrl) {
        String url = baseUrl.strip();
        boolean bare = !url.contains("://");
        if (bare) {
            url = "http://" + url;
        }
        while (url.endsWith("/")) {
            url = url.substring(0, url.length() - 1);
        }
        URI uri = URI.create(url);
        if (bare && uri.getPort() == -1 && uri.getRawAuthority() != null) {
            url = "http://" + uri.getRawAuthority() + ":" + DEFAULT_PORT + uri.getRawPath();
        }
        return url;
    }

    @Override
    public String baseUrl() {
        return baseUrl;
    }

    @Override
    public String provider() {
        return provider;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String defaultModel(Tier tier) {
        return defaultModels.get(tier);
    }

    /** One chat call; a failure of any kind comes back as {@link CallResult.Failed}, never as an exception. */
    @Override
    public CallResult chat(String model, LlmRequest request) throws InterruptedException {
        Optional<CallResult> refused = OllamaResponses.imageByUrl(request, provider);
        if (refused.isPresent()) {
            return refused.get();
        }
        HttpRequest call = HttpRequest.newBuilder(URI.create(baseUrl + "/api/chat")).timeout(timeout)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Json.write(body(model, request, answerLimit)))).build();
        try {
            HttpResponse<String> response = http.send(call, HttpResponse.BodyHandlers.ofString());
            return OllamaResponses.of(response.statusCode(), response.body());
        } catch (IOException e) {
            return OllamaResponses.of(e, baseUrl, timeout);
        }
    }

    /**
     * {@code POST /api/embed} with every input at once and {@code truncate: false}: an input longer than the model's
     * context is refused (and fails over), never cut short.
     */
    @Override
    public CallResult embed(String model, LlmRequest request, Duration within) throws InterruptedException {
        ObjectNode body = Json.mapper().createObjectNode().put("model", model).put("truncate", false);
        request.inputs().forEach(body.putArray("input")::add);
        if (request.dimensions() != null) {
            body.put("dimensions", request.dimensions());
        }
        Duration bound = within == null ? timeout : within;
        HttpRequest call = HttpRequest.newBuilder(URI.create(baseUrl + "/api/embed")).timeout(bound)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(Json.write(body)))
                .build();
        try {
            HttpResponse<String> response = http.send(call, HttpResponse.BodyHandlers.ofString());
            return OllamaResponses.embedded(response.statusCode(), response.body(), request);
        } catch (IOException e) {
            return OllamaResponses.of(e, baseUrl, bound);
        }
    }

    /** The same call with {@code stream: true}, each piece of text to {@code pieces} as Ollama writes it. */
    @Override
    public CallResult stream(String model, LlmRequest request, Duration within, AnswerPieces pieces)
            throws InterruptedException {
        Optional<CallResult> refused = OllamaResponses.imageByUrl(request, provider);
        if (refused.isPresent()) {
            return refused.get();
        }
        return OllamaStreaming.call(http, baseUrl, provider, within == null ? timeout : within,
                (ObjectNode) body(model, request, answerLimit), pieces);
    }

    /** The names of the models Ollama has pulled; fails with a message fit for a health report. */
    @Override
    public List<String> models() throws IOException, InterruptedException {
        HttpRequest call = HttpRequest.newBuilder(URI.create(baseUrl + "/api/tags")).timeout(healthTimeout).GET()
                .build();
        HttpResponse<String> response = http.send(call, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("GET /api/tags answered HTTP " + response.statusCode());
        }
        List<String> names = new ArrayList<>();
        try {
            Json.mapper().readTree(response.body()).path("models")
                    .forEach(model -> names.add(model.path("name").asText()));
        } catch (JsonProcessingException e) {
            throw new IOException("GET /api/tags answered malformed JSON", e);
        }
        return names;
    }

    /** Fetches a model, waiting until Ollama has it (no streaming: one answer at the end). */
    @Override
    public void pull(String model) throws IOException, InterruptedException {
        post("/api/pull", Json.mapper().createObjectNode().put("model", model).put("stream", false), pullTimeout);
    }

    /** Loads a model without generating anything, and keeps it loaded for {@value #KEEP_ALIVE}. */
    @Override
    public void warmUp(String model) throws IOException, InterruptedException {
        post("/api/generate", Json.mapper().createObjectNode().put("model", model).put("keep_alive", KEEP_ALIVE),
                timeout);
    }

    private void post(String path, JsonNode body, Duration within) throws IOException, InterruptedException {
        HttpRequest call = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(within)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(Json.write(body)))
                .build();
        HttpResponse<String> response = http.send(call, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IOException("POST " + path + " answered HTTP " + response.statusCode() + ": "
                    + OllamaResponses.errorText(response.body()));
        }
    }

    static JsonNode body(String model, LlmRequest request) {
        return body(model, request, null);
    }

    /** {@code answerLimit}: sent as {@code num_predict} when the request sets none, and caps one that asks more. */
    static JsonNode body(String model, LlmRequest request, Integer answerLimit) {
        ObjectNode body = Json.mapper().createObjectNode().put("model", model).put("stream", false);
        body.set("messages", OllamaTools.messages(request.messages()));
        GenerationOptions options = request.options();
        Integer maxTokens = options.maxTokens();
        if (answerLimit != null) {
            maxTokens = maxTokens == null ? answerLimit : Integer.valueOf(Math.min(maxTokens, answerLimit));
        }
        ObjectNode settings = Json.mapper().createObjectNode();
        if (maxTokens != null) {
            settings.put("num_predict", maxTokens);
        }
        if (options.temperature() != null) {
            settings.put("temperature", options.temperature());
        }
        OllamaTools.put(body, settings, options);
        if (!settings.isEmpty()) {
            body.set("options", settings);
        }
        return body;
    }
}
