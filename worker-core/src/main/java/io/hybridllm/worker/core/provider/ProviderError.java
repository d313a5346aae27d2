package io.hybridllm.worker.core.provider;

import java.time.Duration;

import io.hybridllm.contracts.ErrorInfo.ErrorCode;

/**
 * An error answer as a wire format reads it.
 *
 * @param providerCode
 *            the provider's own code or type ({@code rate_limit_exceeded}, {@code overloaded_error},
 *            {@code RESOURCE_EXHAUSTED}), or empty
 * @param text
 *            the provider's message, not yet redacted
 * @param retryDelay
 *            a wait the body asks for (Gemini's RetryInfo), or null; headers are read by the backend
 */
record ProviderError(ErrorCode code, String providerCode, String text, Duration retryDelay) {

    ProviderError(ErrorCode code, String providerCode, String text) {
        this(code, providerCode, text, null);
    }
}
