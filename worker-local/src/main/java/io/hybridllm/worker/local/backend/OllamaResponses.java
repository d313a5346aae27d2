package io.hybridllm.worker.local.backend;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import io.hybridllm.contracts.ErrorInfo;
import io.hybridllm.contracts.ErrorInfo.ErrorCode;
import io.hybridllm.contracts.FinishReason;
import io.hybridllm.contracts.LlmRequest;
import io.hybridllm.contracts.TokenUsage;
import io.hybridllm.contracts.ToolCall;
import io.hybridllm.contracts.json.Json;
import io.hybridllm.worker.core.CallResult;
import io.hybridllm.worker.core.CallResult.Answered;
import io.hybridllm.worker.core.CallResult.Failed;
import io.hybridllm.worker.core.provider.EmbeddingReads;

/**
 * Reads Ollama's answers: a chat response, an {@code {"error": "..."}} body with its status, or a transport failure,
 * each turned into a {@link CallResult} whose message says what happened and what to do.
 */
public final class OllamaResponses {

    private static final int MAX_DETAIL = 300;

    /** The result of an answered HTTP call. */
    public static CallResult of(int status, String body) {
        return read(status, body, OllamaResponses::answer);
    }

    /**
     * The result of {@code POST /api/embed}: {@code embeddings} (one array per input) and {@code prompt_eval_count},
     * the input tokens.
     */
    public static CallResult embedded(int status, String body, LlmRequest request) {
        return read(status, body, root -> {
            List<JsonNode> vectors = new ArrayList<>();
            root.path("embeddings").forEach(vectors::add);
            TokenUsage usage = new TokenUsage(Math.max(0, root.path("prompt_eval_count").asInt(0)), 0);
            return EmbeddingReads.fromJson("ollama", vectors, usage, request);
        });
    }

    private static CallResult read(int status, String body, Function<JsonNode, CallResult> answer) {
        JsonNode root;
        try {
            root = Json.mapper().readTree(body == null ? "" : body);
        } catch (JsonProcessingException e) {
            root = null;
        }
        if (status / 100 != 2) {
            return error(status, errorText(root, body));
        }
        if (root == null || !root.isObject()) {
            return failed(ErrorCode.PROVIDER_ERROR,
                    "ollama answered HTTP " + status + " with malformed JSON: " + snippet(body));
        }
        if (root.hasNonNull("error")) {
            return failed(ErrorCode.PROVIDER_ERROR, "ollama failed: " + snippet(root.get("error").asText()));
        }
        return answer.apply(root);
    }

    private static CallResult answer(JsonNode root) {
        JsonNode content = root.path("message").path("content");
        List<ToolCall> calls = OllamaTools.read(root.path("message").path("tool_calls"));
        if (!content.isTextual() && calls == null) {
            return failed(ErrorCode.PROVIDER_ERROR, "ollama answered without message.content");
        }
        // Ollama leaves prompt_eval_count out when the whole prompt came from its cache: that is zero new tokens.
        TokenUsage usage = new TokenUsage(Math.max(0, root.path("prompt_eval_count").asInt(0)),
                Math.max(0, root.path("eval_count").asInt(0)));
        // Cut off: stopped at num_predict (done_reason "length"), or not done at all.
        boolean truncated = "length".equals(root.path("done_reason").asText())
                || (root.has("done") && !root.path("done").asBoolean());
        FinishReason finish = calls != null ? FinishReason.TOOL_CALLS
                : truncated ? FinishReason.LENGTH : FinishReason.STOP;
        return new Answered(content.asText(""), usage, finish, calls);
    }

    /** The result of a call that got no HTTP answer. */
    public static CallResult of(IOException failure, String baseUrl, Duration timeout) {
        if (failure instanceof HttpConnectTimeoutException) {
            return failed(ErrorCode.PROVIDER_UNAVAILABLE,
                    "cannot connect to ollama at " + baseUrl + ": connection timed out");
        }
        if (failure instanceof HttpTimeoutException) {
            return failed(ErrorCode.TIMEOUT, "ollama at " + baseUrl + " did not answer within " + timeout.toMillis()
                    + " ms (the provider's timeout_ms, else hybrid.local.timeout)");
        }
        if (failure instanceof ConnectException) {
            return failed(ErrorCode.PROVIDER_UNAVAILABLE, "cannot connect to ollama at " + baseUrl
                    + ": connection refused; is it running (ollama serve) and is OLLAMA_HOST right?");
        }
        return failed(ErrorCode.PROVIDER_UNAVAILABLE, "connection to ollama at " + baseUrl + " failed: "
                + (failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage()));
    }

    private static CallResult error(int status, String text) {
        return switch (status) {
            // "<model> does not support tools": this model cannot take the request, another target may.
            case 400 -> text.contains("does not support")
                    ? failed(ErrorCode.TARGET_UNSUITABLE, "ollama cannot take this request (HTTP 400): " + text)
                    // /api/embed with truncate false: an input longer than the model's context is refused, not cut.
                    : text.contains("context length")
                            ? failed(ErrorCode.CONTEXT_TOO_LONG, "ollama refused the input (HTTP 400): " + text)
                            : failed(ErrorCode.INVALID_REQUEST, "ollama refused the request (HTTP 400): " + text);
            case 401, 403 -> failed(ErrorCode.AUTHENTICATION, "ollama refused access (HTTP " + status + "): " + text);
            // The model is not pulled on this server: another target may have it, so this is not the request's fault.
            case 404 -> failed(ErrorCode.PROVIDER_UNAVAILABLE, "ollama cannot serve the model (HTTP 404): " + text);
            case 408 -> failed(ErrorCode.TIMEOUT, "ollama timed out (HTTP 408): " + text);
            case 429 -> failed(ErrorCode.RATE_LIMITED, "ollama is rate limited (HTTP 429): " + text);
            // Ollama answers 503 when its queue (OLLAMA_MAX_QUEUE) is full.
            case 503 -> failed(ErrorCode.OVERLOADED, "ollama is busy (HTTP 503): " + text);
            default -> failed(ErrorCode.PROVIDER_ERROR, "ollama failed (HTTP " + status + "): " + text);
        };
    }

    /** The error message of an error body, for exceptions raised outside a chat call. */
    static String errorText(String body) {
        try {
            return errorText(Json.mapper().readTree(body == null ? "" : body), body);
        } catch (JsonProcessingException e) {
            return errorText(null, body);
        }
    }

    private static String errorText(JsonNode root, String body) {
        if (root != null && root.path("error").isTextual()) {
            return snippet(root.get("error").asText());
        }
        return body == null || body.isBlank() ? "no error message" : snippet(body);
    }

    private static String snippet(String text) {
        String flat = text.strip().replaceAll("\\s+", " ");
        return flat.length() > MAX_DETAIL ? flat.substring(0, MAX_DETAIL) + "..." : flat;
    }

    /**
     * Ollama takes images only as base64: an image by URL would have to be fetched, which workers never do. The router
     * sends none here; this target refuses one it gets, and the request fails over.
     */
    static Optional<CallResult> imageByUrl(LlmRequest request, String provider) {
        return request.hasImageUrls()
                ? Optional.of(failed(ErrorCode.TARGET_UNSUITABLE,
                        provider + " takes images only inline (data: URIs), not by URL, and workers never fetch URLs"))
                : Optional.empty();
    }

    private static Failed failed(ErrorCode code, String message) {
        return new Failed(new ErrorInfo(code, message));
    }

    private OllamaResponses() {
    }
}
