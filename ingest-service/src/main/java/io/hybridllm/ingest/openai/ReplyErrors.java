package io.hybridllm.ingest.openai;

import io.hybridllm.contracts.ErrorInfo;

/** A failed request as OpenAI would report the like: the status and code its SDKs map to their exceptions. */
final class ReplyErrors {

    static OpenAiError.Failure failure(ErrorInfo error, String requestId) {
        int status = switch (error.code()) {
            // Every target refused it: for reasons of their own, but the client can only change the request.
            case INVALID_REQUEST, CONTEXT_TOO_LONG, CONTENT_FILTERED, TARGET_UNSUITABLE -> 400;
            case CANCELLED -> 409;
            // OpenAI answers an exhausted quota with 429 too.
            case RATE_LIMITED, BUDGET_PAUSED -> 429;
            // The provider refused our credentials: not the client's fault, so not a 401 to the client.
            case AUTHENTICATION, PROVIDER_ERROR -> 502;
            case OVERLOADED, PROVIDER_UNAVAILABLE, NO_PROVIDER -> 503;
            case TIMEOUT, EXPIRED -> 504;
            case INTERNAL -> 500;
        };
        String code = switch (error.code()) {
            case CONTEXT_TOO_LONG -> "context_length_exceeded";
            case CONTENT_FILTERED -> "content_filter";
            default -> error.code().name().toLowerCase(java.util.Locale.ROOT);
        };
        return OpenAiError.failure(status, code, error.message() + " (request " + requestId + ")", null);
    }

    private ReplyErrors() {
    }
}
