package io.hybridllm.worker.core.provider;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.hybridllm.contracts.ErrorInfo.ErrorCode;
import io.hybridllm.contracts.FinishReason;
import io.hybridllm.contracts.GenerationOptions;
import io.hybridllm.contracts.LlmRequest;
import io.hybridllm.contracts.TokenUsage;
import io.hybridllm.contracts.ToolCall;
import io.hybridllm.contracts.json.Json;
import io.hybridllm.worker.core.CallResult;
import io.hybridllm.worker.core.CallResult.Answered;
import io.hybridllm.worker.core.provider.stream.GeminiStream;
import io.hybridllm.worker.core.provider.stream.StreamReader;

/**
 * Google's Gemini API ({@code POST /v1beta/models/{model}:generateContent}, key in {@code x-goog-api-key}, never in the
 * URL): {@code contents} of {@code parts}, roles user and model, a separate {@code systemInstruction}, and Google's
 * {@code {"error": {"code", "message", "status", "details"}}} errors, whose RetryInfo says how long to wait.
 */
final class GeminiFormat implements WireFormat {

    /** Finish reasons for an answer withheld by Google's filters rather than ended by the model. */
    private static final Set<String> FILTERED = Set.of("SAFETY", "RECITATION", "BLOCKLIST", "PROHIBITED_CONTENT",
            "SPII", "IMAGE_SAFETY");

    private final ProviderSettings settings;

    GeminiFormat(ProviderSettings settings) {
        this.settings = settings;
    }

    @Override
    public HttpRequest.Builder chat(String model, LlmRequest request, ApiKey key) {
        String name = model.startsWith("models/") ? model.substring("models/".length()) : model;
        URI uri = URI.create(settings.baseUrl() + "/v1beta/models/" + Wire.segment(name) + ":generateContent");
        return authorized(Wire.post(uri, body(request)), key);
    }

    @Override
    public HttpRequest.Builder stream(String model, LlmRequest request, ApiKey key) {
        String name = model.startsWith("models/") ? model.substring("models/".length()) : model;
        URI uri = URI
                .create(settings.baseUrl() + "/v1beta/models/" + Wire.segment(name) + ":streamGenerateContent?alt=sse");
        return authorized(Wire.post(uri, body(request)), key);
    }

    @Override
    public StreamReader streamReader() {
        return new GeminiStream(settings.name());
    }

    private HttpRequest.Builder authorized(HttpRequest.Builder request, ApiKey key) {
        return key == null ? request : request.header("x-goog-api-key", key.secret());
    }

    ObjectNode body(LlmRequest request) {
        ObjectNode body = Json.mapper().createObjectNode();
        body.set("contents", GeminiTools.contents(Wire.turns(request), settings.name()));
        String system = Wire.system(request);
        if (!system.isEmpty()) {
            body.putObject("systemInstruction").putArray("parts").addObject().put("text", system);
        }
        GenerationOptions options = request.options();
        GeminiTools.putTools(body, options);
        ObjectNode config = Json.mapper().createObjectNode();
        Wire.putMaxTokens(config, "maxOutputTokens", request, settings);
        Wire.putTemperature(config, request, 2.0);
        Wire.put(config, "topP", options.topP());
        if (options.stop() != null) {
            options.stop().forEach(config.withArray("stopSequences")::add);
        }
        Wire.put(config, "seed", options.seed());
        Wire.put(config, "presencePenalty", options.presencePenalty());
        Wire.put(config, "frequencyPenalty", options.frequencyPenalty());
        GeminiTools.putResponseFormat(config, options);
        if (!config.isEmpty()) {
            body.set("generationConfig", config);
        }
        return body;
    }

    /**
     * {@code batchEmbedContents}: one request per input. Google reports no token counts for it, so input tokens are
     * estimated at four characters each (Google's own rule of thumb) to price the call rather than leave it free.
     */
    @Override
    public HttpRequest.Builder embed(String model, LlmRequest request, ApiKey key) {
        String name = model.startsWith("models/") ? model.substring("models/".length()) : model;
        ObjectNode body = Json.mapper().createObjectNode();
        var requests = body.putArray("requests");
        for (String input : request.inputs()) {
            ObjectNode one = requests.addObject().put("model", "models/" + name);
            one.putObject("content").putArray("parts").addObject().put("text", input);
            Wire.put(one, "outputDimensionality", request.dimensions());
        }
        URI uri = URI.create(settings.baseUrl() + "/v1beta/models/" + Wire.segment(name) + ":batchEmbedContents");
        return authorized(Wire.post(uri, body), key);
    }

    @Override
    public CallResult embeddings(JsonNode root, LlmRequest request) {
        List<JsonNode> vectors = new ArrayList<>();
        root.path("embeddings").forEach(item -> vectors.add(item.path("values")));
        int characters = request.inputs().stream().mapToInt(String::length).sum();
        return EmbeddingReads.fromJson(settings.name(), vectors, new TokenUsage((characters + 3) / 4, 0), request);
    }

    @Override
    public CallResult answer(JsonNode root) {
        String provider = settings.name();
        JsonNode candidates = root.path("candidates");
        if (!candidates.isArray() || candidates.isEmpty()) {
            String blocked = root.path("promptFeedback").path("blockReason").asText("");
            return blocked.isEmpty() ? Wire.failed(ErrorCode.PROVIDER_ERROR, provider + " answered without candidates")
                    : Wire.failed(ErrorCode.CONTENT_FILTERED, provider + " blocked the prompt: blockReason " + blocked);
        }
        JsonNode candidate = candidates.get(0);
        String finish = candidate.path("finishReason").asText("");
        if (FILTERED.contains(finish)) {
            return Wire.failed(ErrorCode.CONTENT_FILTERED, provider + " withheld the answer: finishReason " + finish);
        }
        JsonNode parts = candidate.path("content").path("parts");
        String text = Wire.texts(parts);
        List<ToolCall> calls = GeminiTools.readFunctionCalls(parts);
        if (text == null && calls == null) {
            return Wire.failed(ErrorCode.PROVIDER_ERROR,
                    provider + " answered without text (finishReason " + (finish.isEmpty() ? "none" : finish) + ")");
        }
        JsonNode usage = root.path("usageMetadata");
        // Thinking models bill their thoughts as output tokens, counted apart from the candidates' tokens.
        int output = Wire.tokens(usage.path("candidatesTokenCount")) + Wire.tokens(usage.path("thoughtsTokenCount"));
        FinishReason reason = calls != null ? FinishReason.TOOL_CALLS
                : finish.equals("MAX_TOKENS") ? FinishReason.LENGTH : FinishReason.STOP;
        return new Answered(text == null ? "" : text,
                new TokenUsage(Wire.tokens(usage.path("promptTokenCount")), output), reason, calls);
    }

    @Override
    public ProviderError error(int status, JsonNode root, String body) {
        JsonNode error = root == null ? null : root.path("error");
        String grpc = error == null ? "" : error.path("status").asText("");
        String text = ErrorBodies.text(root, body);
        boolean badKey = ErrorBodies.saysBadKey(text) || detail(error, "ErrorInfo", "reason").equals("API_KEY_INVALID");
        ErrorCode code = badKey ? ErrorCode.AUTHENTICATION : switch (grpc) {
            case "UNAUTHENTICATED", "PERMISSION_DENIED" -> ErrorCode.AUTHENTICATION;
            case "RESOURCE_EXHAUSTED" -> ErrorCode.RATE_LIMITED;
            case "UNAVAILABLE" -> ErrorCode.OVERLOADED;
            case "DEADLINE_EXCEEDED" -> ErrorCode.TIMEOUT;
            case "INTERNAL" -> ErrorCode.PROVIDER_ERROR;
            case "NOT_FOUND" -> ErrorCode.TARGET_UNSUITABLE;
            case "INVALID_ARGUMENT", "FAILED_PRECONDITION" ->
                    ErrorBodies.saysContextTooLong(text) ? ErrorCode.CONTEXT_TOO_LONG
                            : ErrorBodies.refusal(status, text);
            default -> ErrorBodies.classify(status, root, text);
        };
        Duration retryDelay = RetryAfter.goDuration(detail(error, "RetryInfo", "retryDelay")).orElse(null);
        return new ProviderError(code, grpc, text, retryDelay);
    }

    /** A field of the first {@code details} entry of a google.rpc type, or empty. */
    private static String detail(JsonNode error, String type, String field) {
        if (error != null) {
            for (JsonNode detail : error.path("details")) {
                if (detail.path("@type").asText("").endsWith("google.rpc." + type)) {
                    return detail.path(field).asText("");
                }
            }
        }
        return "";
    }

    @Override
    public HttpRequest.Builder models(ApiKey key) {
        return authorized(HttpRequest.newBuilder(URI.create(settings.baseUrl() + "/v1beta/models")).GET(), key);
    }

    @Override
    public List<String> modelIds(JsonNode root) {
        return Wire.ids(root.path("models"), "name").stream().map(name -> name.replaceFirst("^models/", "")).toList();
    }
}
