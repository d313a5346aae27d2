package io.hybridllm.worker.core;

import java.time.Duration;
import java.util.Optional;

import io.hybridllm.contracts.ErrorInfo;
import io.hybridllm.contracts.TokenUsage;

/** What one call to a model returned: an answer with the provider's token counts, or why there is none. */
public sealed interface CallResult {

    /**
     * The id of the API key the call was made with (never the key itself), or null when it took none. Attempts record
     * it, so that a key's calls can be told apart in a request's history.
     */
    String keyId();

    /**
     * @param truncated
     *            the model stopped at its token limit (Ollama {@code done_reason}, OpenAI {@code finish_reason}
     *            {@code length}), so the answer is cut off
     */
    record Answered(String answer, TokenUsage usage, boolean truncated, String keyId) implements CallResult {

        public Answered(String answer, TokenUsage usage, boolean truncated) {
            this(answer, usage, truncated, null);
        }

        public Answered(String answer, TokenUsage usage) {
            this(answer, usage, false);
        }

        public Answered withKey(String id) {
            return new Answered(answer, usage, truncated, id);
        }
    }

    /**
     * A failed call. {@code retryAfter} is how long the provider asked us to wait (Retry-After, or its rate-limit reset
     * headers) before the next call, or null when it said nothing; a retry or failover decision can honour it.
     */
    record Failed(ErrorInfo error, Duration retryAfter, String keyId) implements CallResult {

        public Failed {
            if (retryAfter != null && retryAfter.isNegative()) {
                throw new IllegalArgumentException("retryAfter must not be negative: " + retryAfter);
            }
        }

        public Failed(ErrorInfo error, Duration retryAfter) {
            this(error, retryAfter, null);
        }

        public Failed(ErrorInfo error) {
            this(error, null);
        }

        public Failed withKey(String id) {
            return new Failed(error, retryAfter, id);
        }

        public Optional<Duration> retryAfterHint() {
            return Optional.ofNullable(retryAfter);
        }
    }
}
