package io.hybridllm.worker.core.provider;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.List;

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
import io.hybridllm.worker.core.provider.stream.AnthropicStream;
import io.hybridllm.worker.core.provider.stream.StreamReader;

/**
 * Anthropic's Messages API ({@code POST /v1/messages}, {@code x-api-key}, {@code anthropic-version}): the system prompt
 * is a top-level field, turns are only user or assistant, {@code max_tokens} is required, and errors are
 * {@code {"type": "error", "error": {"type", "message"}}} with 529 for overload.
 */
final class AnthropicFormat implements WireFormat {

    static final String DEFAULT_VERSION = "2023-06-01";

    private final ProviderSettings settings;
    private final String version;

    AnthropicFormat(ProviderSettings settings) {
        this.settings = settings;
        this.version = settings.apiVersion() == null ? DEFAULT_VERSION : settings.apiVersion();
    }

    @Override
    public HttpRequest.Builder chat(String model, LlmRequest request, ApiKey key) {
        return authorized(Wire.post(URI.create(settings.baseUrl() + "/v1/messages"), body(model, request)), key);
    }

    @Override
    public HttpRequest.Builder stream(String model, LlmRequest request, ApiKey key) {
        return authorized(
                Wire.post(URI.create(settings.baseUrl() + "/v1/messages"), body(model, request).put("stream", true)),
                key);
    }

    @Override
    public StreamReader streamReader() {
        return new AnthropicStream(settings.name());
    }

    private HttpRequest.Builder authorized(HttpRequest.Builder request, ApiKey key) {
        request.header("anthropic-version", version);
        return key == null ? request : request.header("x-api-key", key.secret());
    }

    ObjectNode body(String model, LlmRequest request) {
        Integer maxTokens = settings.answerTokens(request.options().maxTokens());
        ObjectNode body = Json.mapper().createObjectNode().put("model", model).put("max_tokens",
                maxTokens == null ? settings.maxTokens() : maxTokens);
        String system = Wire.system(request) + AnthropicTools.jsonInstruction(request.options());
        if (!system.isEmpty()) {
            body.put("system", system.strip());
        }
        body.set("messages", AnthropicTools.messages(Wire.turns(request)));
        Wire.putTemperature(body, request, 1.0);
        GenerationOptions options = request.options();
        Wire.put(body, "top_p", options.topP());
        if (options.stop() != null) {
            options.stop().forEach(body.withArray("stop_sequences")::add);
        }
        if (options.endUser() != null) {
            body.putObject("metadata").put("user_id", options.endUser());
        }
        AnthropicTools.putTools(body, options);
        return body;
    }

    @Override
    public CallResult answer(JsonNode root) {
        String provider = settings.name();
        String stop = root.path("stop_reason").asText("");
        if ("refusal".equals(stop)) {
            return Wire.failed(ErrorCode.CONTENT_FILTERED, provider + " withheld the answer: stop_reason refusal");
        }
        String text = Wire.texts(root.path("content"));
        List<ToolCall> calls = AnthropicTools.readToolUses(root.path("content"));
        if (text == null && calls == null) {
            return Wire.failed(ErrorCode.PROVIDER_ERROR, provider + " answered without a text content block"
                    + " (stop_reason " + root.path("stop_reason").asText("none") + ")");
        }
        JsonNode usage = root.path("usage");
        // Cached prompt tokens are counted apart from input_tokens; all of them were read for this answer.
        int input = Wire.tokens(usage.path("input_tokens")) + Wire.tokens(usage.path("cache_creation_input_tokens"))
                + Wire.tokens(usage.path("cache_read_input_tokens"));
        // end_turn, stop_sequence, pause_turn: the model ended; max_tokens: cut off; tool_use: calls asked for.
        FinishReason finish = calls != null ? FinishReason.TOOL_CALLS
                : stop.equals("max_tokens") || stop.equals("model_context_window_exceeded") ? FinishReason.LENGTH
                        : FinishReason.STOP;
        return new Answered(text == null ? "" : text, new TokenUsage(input, Wire.tokens(usage.path("output_tokens"))),
                finish, calls);
    }

    @Override
    public ProviderError error(int status, JsonNode root, String body) {
        String type = root == null ? "" : root.path("error").path("type").asText("");
        String text = ErrorBodies.text(root, body);
        ErrorCode code = switch (type) {
            // A key without credit cannot be used any more than a wrong one: another key may serve.
            case "authentication_error", "permission_error", "billing_error" -> ErrorCode.AUTHENTICATION;
            case "rate_limit_error" -> ErrorCode.RATE_LIMITED;
            case "overloaded_error" -> ErrorCode.OVERLOADED;
            case "api_error" -> ErrorCode.PROVIDER_ERROR;
            case "timeout_error" -> ErrorCode.TIMEOUT;
            case "request_too_large" -> ErrorCode.CONTEXT_TOO_LONG;
            case "not_found_error" -> ErrorCode.TARGET_UNSUITABLE;
            case "invalid_request_error" -> ErrorBodies.saysContextTooLong(text) ? ErrorCode.CONTEXT_TOO_LONG
                    : ErrorBodies.refusal(status, text);
            default -> ErrorBodies.classify(status, root, text);
        };
        return new ProviderError(code, type, text);
    }

    @Override
    public HttpRequest.Builder models(ApiKey key) {
        return authorized(HttpRequest.newBuilder(URI.create(settings.baseUrl() + "/v1/models")).GET(), key);
    }

    @Override
    public List<String> modelIds(JsonNode root) {
        return Wire.ids(root.path("data"), "id");
    }
}
