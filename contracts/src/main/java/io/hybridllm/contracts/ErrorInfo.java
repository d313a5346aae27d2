package io.hybridllm.contracts;

import static io.hybridllm.contracts.json.Check.require;

/** Why a request or an attempt failed: a stable code for programs and a message for people. */
public record ErrorInfo(ErrorCode code, String message) {

    public ErrorInfo {
        require(code != null, "code", "is required");
        message = message == null ? "" : message;
    }

    public enum ErrorCode {
        INVALID_REQUEST, AUTHENTICATION, RATE_LIMITED, OVERLOADED, PROVIDER_ERROR, PROVIDER_UNAVAILABLE, TIMEOUT,
        CONTENT_FILTERED, CONTEXT_TOO_LONG, NO_PROVIDER, EXPIRED, CANCELLED, INTERNAL,
        /** The request's budget scope (its tenant, or global) is paused, and the call would have been paid. */
        BUDGET_PAUSED,
        /**
         * This target cannot take the request though another may: its model is not found or retired, it does not
         * support a parameter, or it rejects content that others take. The request fails over to the next target.
         */
        TARGET_UNSUITABLE
    }
}
