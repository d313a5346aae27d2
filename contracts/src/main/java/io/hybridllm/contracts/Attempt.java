package io.hybridllm.contracts;

import java.time.Instant;

/** One try at answering a request on one provider; a request's attempts tell its whole history. */
public record Attempt(Tier tier, String provider, String model, Outcome outcome, ErrorInfo.ErrorCode errorCode,
        long latencyMs, Instant at) {

    public enum Outcome {
        SUCCEEDED, FAILED, ESCALATED
    }
}
