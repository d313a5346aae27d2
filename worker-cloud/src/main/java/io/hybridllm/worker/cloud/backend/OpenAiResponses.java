package io.hybridllm.worker.cloud.backend;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import io.hybridllm.contracts.ErrorInfo;
import io.hybridllm.contracts.ErrorInfo.ErrorCode;
import io.hybridllm.contracts.TokenUsage;
import io.hybridllm.contracts.json.Json;
import io.hybridllm.worker.core.CallResult;
import io.hybridllm.worker.core.CallResult.Answered;
import io.hybridllm.worker.core.CallResult.Failed;

/**
 * Reads OpenAI chat completion answers: a completion, or OpenAI's documented {@code {"error": {"message", "type",
 * "code"}}} body with its status, or a transport failure. Every message passes through {@link Secrets#redact} because
 * OpenAI echoes (part of) a wrong key.
 */
public final class OpenAiResponses {

    private static final int MAX_DETAIL = 300;

    /** The result of an answered HTTP call. */
    public static CallResult of(int status, Optional<String> retryAfter, String body, String apiKey) {
        JsonNode root = parse(body);
        if (status / 100 != 2) {
            return new Failed(error(status, retryAfter, root, body, apiKey));
        }
        if (root == null || !root.isObject()) {
            return failed(ErrorCode.PROVIDER_ERROR,
                    "openai answered HTTP " + status + " with malformed JSON: " + snippet(body), apiKey);
        }
        if (root.path("error").isObject()) {
            return new Failed(error(status, retryAfter, root, body, apiKey));
        }
        JsonNode choices = root.path("choices");
        if (!choices.isArray() || choices.isEmpty()) {
            return failed(ErrorCode.PROVIDER_ERROR, "openai answered without choices", apiKey);
        }
        JsonNode choice = choices.get(0);
        JsonNode message = choice.path("message");
        if ("content_filter".equals(choice.path("finish_reason").asText())) {
            return failed(ErrorCode.CONTENT_FILTERED, "openai withheld the answer: finish_reason content_filter",
                    apiKey);
        }
        if (!message.path("content").isTextual()) {
            if (message.path("refusal").isTextual()) {
                return failed(ErrorCode.CONTENT_FILTERED,
                        "the model refused to answer: " + snippet(message.get("refusal").asText()), apiKey);
            }
            return failed(ErrorCode.PROVIDER_ERROR, "openai answered without choices[0].message.content", apiKey);
        }
        JsonNode usage = root.path("usage");
        return new Answered(message.get("content").asText(),
                new TokenUsage(Math.max(0, usage.path("prompt_tokens").asInt(0)),
                        Math.max(0, usage.path("completion_tokens").asInt(0))));
    }

    /** The result of a call that got no HTTP answer. */
    public static CallResult of(IOException failure, String baseUrl, Duration timeout) {
        if (failure instanceof HttpConnectTimeoutException) {
            return failed(ErrorCode.PROVIDER_UNAVAILABLE,
                    "cannot connect to openai at " + baseUrl + ": connection timed out", null);
        }
        if (failure instanceof HttpTimeoutException) {
            return failed(ErrorCode.TIMEOUT, "openai at " + baseUrl + " did not answer within " + timeout.toMillis()
                    + " ms (hybrid.cloud.openai.timeout)", null);
        }
        if (failure instanceof ConnectException) {
            return failed(ErrorCode.PROVIDER_UNAVAILABLE,
                    "cannot connect to openai at " + baseUrl + ": connection refused", null);
        }
        return failed(ErrorCode.PROVIDER_UNAVAILABLE,
                "connection to openai at " + baseUrl + " failed: "
                        + (failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage()),
                null);
    }

    /** Classifies an error answer by OpenAI's error code first, then by HTTP status. */
    public static ErrorInfo error(int status, Optional<String> retryAfter, String body, String apiKey) {
        return error(status, retryAfter, parse(body), body, apiKey);
    }

    private static ErrorInfo error(int status, Optional<String> retryAfter, JsonNode root, String body, String apiKey) {
        JsonNode error = root == null ? null : root.path("error");
        boolean documented = error != null && error.isObject();
        String code = documented ? error.path("code").asText("") : "";
        String text = documented && error.path("message").isTextual() ? snippet(error.get("message").asText())
                : body == null || body.isBlank() ? "no error message" : snippet(body);
        String detail = "(HTTP " + status + (code.isEmpty() || code.equals("null") ? "" : ", " + code)
                + (status == 429 ? retryAfter.map(after -> "; Retry-After: " + after).orElse("") : "") + "): ";
        ErrorCode classified = switch (code) {
            case "context_length_exceeded" -> ErrorCode.CONTEXT_TOO_LONG;
            case "content_filter", "content_policy_violation" -> ErrorCode.CONTENT_FILTERED;
            default -> byStatus(status, documented);
        };
        String what = switch (classified) {
            case AUTHENTICATION -> "openai refused the credentials ";
            case RATE_LIMITED -> "openai rate limit reached ";
            case CONTEXT_TOO_LONG -> "the prompt is too long for the model ";
            case CONTENT_FILTERED -> "openai's content filter refused the request ";
            case OVERLOADED -> "openai is overloaded ";
            case TIMEOUT -> "openai timed out ";
            case INVALID_REQUEST -> "openai refused the request ";
            case PROVIDER_UNAVAILABLE -> "openai is not at the configured base URL ";
            default -> "openai failed ";
        };
        return new ErrorInfo(classified, Secrets.redact(what + detail + text, apiKey));
    }

    private static ErrorCode byStatus(int status, boolean documentedError) {
        return switch (status) {
            case 401, 403 -> ErrorCode.AUTHENTICATION;
            case 429 -> ErrorCode.RATE_LIMITED;
            case 408, 504 -> ErrorCode.TIMEOUT;
            case 503, 529 -> ErrorCode.OVERLOADED;
            // Without OpenAI's error body a 404 means the base URL does not point at the API, not a bad request.
            case 404 -> documentedError ? ErrorCode.INVALID_REQUEST : ErrorCode.PROVIDER_UNAVAILABLE;
            default -> status >= 400 && status < 500 ? ErrorCode.INVALID_REQUEST : ErrorCode.PROVIDER_ERROR;
        };
    }

    private static JsonNode parse(String body) {
        try {
            return body == null || body.isBlank() ? null : Json.mapper().readTree(body);
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    private static String snippet(String text) {
        String flat = text.strip().replaceAll("\\s+", " ");
        return flat.length() > MAX_DETAIL ? flat.substring(0, MAX_DETAIL) + "..." : flat;
    }

    private static Failed failed(ErrorCode code, String message, String apiKey) {
        return new Failed(new ErrorInfo(code, Secrets.redact(message, apiKey)));
    }

    private OpenAiResponses() {
    }
}
