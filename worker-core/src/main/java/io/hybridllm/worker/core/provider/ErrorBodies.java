package io.hybridllm.worker.core.provider;

import java.io.IOException;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;

import io.hybridllm.contracts.ErrorInfo.ErrorCode;
import io.hybridllm.contracts.json.Json;

/** Reading error answers whatever their shape, and the classification every provider shares. */
final class ErrorBodies {

    private static final int MAX_DETAIL = 300;

    /** How providers and OpenAI-compatible servers word a prompt that does not fit the model. */
    private static final List<String> CONTEXT_TOO_LONG = List.of("maximum context length", "context length",
            "context_length", "prompt is too long", "exceed context limit", "context window", "too large for model",
            "exceeds the maximum number of tokens", "too many tokens");

    /**
     * How providers word a refusal that is about the target, not the request: a model that is missing or retired, a
     * parameter or value this model does not support, content (such as an empty text block) that others accept.
     */
    private static final List<String> TARGET_UNSUITABLE = List.of("model_not_found", "does not exist",
            "model not found", "not found for api version", "is not supported", "not supported by", "unsupported",
            "does not support", "deprecated", "decommissioned", "retired", "no longer available",
            "text content blocks must be non-empty", "must contain non-whitespace text");

    /** How they word a key they do not accept, when the status does not say so (xAI answers 400). */
    private static final List<String> BAD_KEY = List.of("incorrect api key", "invalid api key", "api key not valid",
            "invalid api token", "invalid x-api-key", "api_key_invalid");

    /**
     * The JSON object of a body, or null when it is empty or not one: every documented answer is an object, and a
     * reader that stops after the first value would take "404 page not found" for the number 404.
     */
    static JsonNode parse(String body) {
        try {
            JsonNode root = body == null || body.isBlank() ? null
                    : Json.mapper().reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).readTree(body);
            return root != null && root.isObject() ? root : null;
        } catch (IOException e) {
            return null;
        }
    }

    /**
     * The provider's message from the usual shapes: {@code {"error": {"message"}}} (OpenAI, Azure, Anthropic, Gemini),
     * {@code {"error": "..."}} (xAI), {@code {"message": "..."}} (Cohere, Mistral), {@code {"detail": "..."}}; else the
     * body itself.
     */
    static String text(JsonNode root, String body) {
        if (root != null) {
            for (JsonNode candidate : List.of(root.path("error").path("message"), root.path("error"),
                    root.path("message"), root.path("detail"))) {
                if (candidate.isTextual() && !candidate.asText().isBlank()) {
                    return snippet(candidate.asText());
                }
            }
            if (root.path("message").isContainerNode()) {
                return snippet(root.get("message").toString());
            }
        }
        return body == null || body.isBlank() ? "no error message" : snippet(body);
    }

    static boolean saysContextTooLong(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        return CONTEXT_TOO_LONG.stream().anyMatch(lower::contains);
    }

    static boolean saysTargetUnsuitable(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        return TARGET_UNSUITABLE.stream().anyMatch(lower::contains);
    }

    /** A refusal of the request: about this target (another may take it) or about the request itself. */
    static ErrorCode refusal(int status, String text) {
        return status == 404 || saysTargetUnsuitable(text) ? ErrorCode.TARGET_UNSUITABLE : ErrorCode.INVALID_REQUEST;
    }

    static boolean saysBadKey(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        return BAD_KEY.stream().anyMatch(lower::contains);
    }

    /**
     * What the status alone says. Without a JSON body a 404 means the base URL does not point at the API, not that the
     * request was wrong.
     */
    static ErrorCode byStatus(int status, boolean jsonBody) {
        return switch (status) {
            // 402: the account behind the key cannot pay; like a refused key, another key may serve.
            case 401, 402, 403 -> ErrorCode.AUTHENTICATION;
            case 429 -> ErrorCode.RATE_LIMITED;
            case 408, 504 -> ErrorCode.TIMEOUT;
            case 503, 529 -> ErrorCode.OVERLOADED;
            case 413 -> ErrorCode.CONTEXT_TOO_LONG;
            case 404 -> jsonBody ? ErrorCode.INVALID_REQUEST : ErrorCode.PROVIDER_UNAVAILABLE;
            default -> status >= 400 && status < 500 ? ErrorCode.INVALID_REQUEST : ErrorCode.PROVIDER_ERROR;
        };
    }

    /**
     * The status, corrected by the message where providers are known to answer with a status that says less: a wrong
     * key reported as 400, a prompt that is too long reported as a plain 400.
     */
    static ErrorCode classify(int status, JsonNode root, String text) {
        ErrorCode code = byStatus(status, root != null);
        if (code == ErrorCode.INVALID_REQUEST && saysBadKey(text)) {
            return ErrorCode.AUTHENTICATION;
        }
        if (code == ErrorCode.INVALID_REQUEST && saysContextTooLong(text)) {
            return ErrorCode.CONTEXT_TOO_LONG;
        }
        return code == ErrorCode.INVALID_REQUEST ? refusal(status, text) : code;
    }

    static String snippet(String text) {
        String flat = text.strip().replaceAll("\\s+", " ");
        return flat.length() > MAX_DETAIL ? flat.substring(0, MAX_DETAIL) + "..." : flat;
    }

    private ErrorBodies() {
    }
}
