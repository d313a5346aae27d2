package io.hybridllm.worker.core.provider.stream;

import java.util.Locale;

import io.hybridllm.contracts.ErrorInfo.ErrorCode;

/**
 * Errors a provider sends inside a stream that had begun with 200 (overload, rate limits, server errors), read by the
 * words of their type: the same classes a failed call without streaming gets, so retries and failover treat them alike.
 */
final class StreamErrors {

    static StreamException of(String provider, String type, String message) {
        String kind = type == null ? "" : type.toLowerCase(Locale.ROOT);
        ErrorCode code;
        if (kind.contains("overload") || kind.contains("unavailable")) {
            code = ErrorCode.OVERLOADED;
        } else if (kind.contains("rate_limit") || kind.contains("resource_exhausted")) {
            code = ErrorCode.RATE_LIMITED;
        } else if (kind.contains("timeout")) {
            code = ErrorCode.TIMEOUT;
        } else {
            code = ErrorCode.PROVIDER_ERROR;
        }
        String what = message == null || message.isBlank() ? "no message" : StreamReader.snippet(message);
        return new StreamException(code, provider + " ended its stream with an error"
                + (type == null || type.isBlank() ? "" : " (" + type + ")") + ": " + what);
    }

    static StreamException filtered(String provider, String why) {
        return new StreamException(ErrorCode.CONTENT_FILTERED, provider + " withheld the answer: " + why);
    }

    private StreamErrors() {
    }
}
