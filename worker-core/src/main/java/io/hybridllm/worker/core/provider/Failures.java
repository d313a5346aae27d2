package io.hybridllm.worker.core.provider;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.time.Duration;
import java.util.Locale;

import io.hybridllm.contracts.ErrorInfo;
import io.hybridllm.contracts.ErrorInfo.ErrorCode;
import io.hybridllm.worker.core.CallResult.Failed;

/** Failed results with messages that read the same for every provider, always redacted. */
final class Failures {

    /** An error answer: "anthropic is overloaded (HTTP 529, overloaded_error; retry after 3 s): Overloaded". */
    static Failed answered(String provider, int status, ProviderError error, Duration retryAfter, ApiKey key) {
        String code = error.providerCode() == null || error.providerCode().isBlank()
                || error.providerCode().equals("null") ? "" : ", " + error.providerCode();
        String wait = retryAfter == null ? "" : "; retry after " + describe(retryAfter);
        String message = what(provider, error.code()) + " (HTTP " + status + code + wait + "): " + error.text();
        return new Failed(new ErrorInfo(error.code(), Redaction.without(message, key)), retryAfter);
    }

    /** A call that got no HTTP answer. */
    static Failed transport(String provider, String baseUrl, IOException failure, ApiKey key) {
        String where = provider + " at " + baseUrl;
        if (failure instanceof HttpConnectTimeoutException) {
            return failed(ErrorCode.PROVIDER_UNAVAILABLE, "cannot connect to " + where + ": connection timed out");
        }
        if (failure instanceof ConnectException) {
            return failed(ErrorCode.PROVIDER_UNAVAILABLE, "cannot connect to " + where + ": connection refused");
        }
        String why = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
        return failed(ErrorCode.PROVIDER_UNAVAILABLE,
                Redaction.without("connection to " + where + " failed: " + why, key));
    }

    /** {@code retry}: the bound was what a retry had left of the failover budget, not the provider's timeout. */
    static Failed timeout(String provider, String baseUrl, Duration timeout, boolean retry) {
        return failed(ErrorCode.TIMEOUT, provider + " at " + baseUrl + " did not answer within " + timeout.toMillis()
                + (retry ? " ms (what was left of the failover budget)" : " ms (the provider's timeout)"));
    }

    static Failed failed(ErrorCode code, String message) {
        return new Failed(new ErrorInfo(code, Redaction.redact(message, null)));
    }

    /** "250 ms", "7 s", "5.5 s". */
    static String describe(Duration wait) {
        long millis = wait.toMillis();
        if (millis < 1000) {
            return millis + " ms";
        }
        return millis % 1000 == 0 ? millis / 1000 + " s" : String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
    }

    private static String what(String provider, ErrorCode code) {
        return switch (code) {
            case AUTHENTICATION -> provider + " refused the credentials";
            case RATE_LIMITED -> provider + " rate limit reached";
            case CONTEXT_TOO_LONG -> provider + ": the prompt is too long for the model";
            case CONTENT_FILTERED -> provider + "'s content filter refused the request";
            case OVERLOADED -> provider + " is overloaded";
            case TIMEOUT -> provider + " timed out";
            case INVALID_REQUEST -> provider + " refused the request";
            case TARGET_UNSUITABLE -> provider + " cannot take this request (another target may)";
            case PROVIDER_UNAVAILABLE -> provider + " is not at the configured base URL";
            default -> provider + " failed";
        };
    }

    private Failures() {
    }
}
