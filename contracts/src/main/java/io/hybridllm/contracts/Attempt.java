package io.hybridllm.contracts;

import java.time.Instant;

/**
 * One try at answering a request on one provider; a request's attempts tell its whole history.
 *
 * @param qualityScore
 *            the quality check's score of a local answer in [0, 1], or null when none was made
 * @param detail
 *            why it failed or escalated, e.g. the error message or the quality check's reasons
 */
public record Attempt(Tier tier, String provider, String model, Outcome outcome, ErrorInfo.ErrorCode errorCode,
        long latencyMs, Instant at, Double qualityScore, String detail) {

    public Attempt {
        detail = detail == null ? "" : detail;
    }

    public Attempt(Tier tier, String provider, String model, Outcome outcome, ErrorInfo.ErrorCode errorCode,
            long latencyMs, Instant at) {
        this(tier, provider, model, outcome, errorCode, latencyMs, at, null, null);
    }

    public enum Outcome {
        SUCCEEDED, FAILED, ESCALATED
    }
}
