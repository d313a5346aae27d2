package io.hybridllm.ingest.requests;

import io.hybridllm.contracts.ErrorInfo;
import io.hybridllm.contracts.LlmReply;

/**
 * Where a request stands, as a client polling it sees. There is no {@code running}: workers do not announce when they
 * start a call, so a request that is {@code routed} or {@code escalated} may be waiting for a slot or being answered.
 */
public enum RequestStatus {
    /** Stored and in {@code llm.requests}; the router has not published it to a tier yet (as far as ingest knows). */
    QUEUED,
    /** On a tier topic, waiting for or being answered by a worker. */
    ROUTED,
    /** Handed on to a later tier after a failed or poor answer. */
    ESCALATED, SUCCEEDED, FAILED, CANCELLED, EXPIRED;

    public boolean isFinal() {
        return ordinal() >= SUCCEEDED.ordinal();
    }

    /** Why a request that ingest ended itself, without a reply, ended; null for the other statuses. */
    public ErrorInfo endingError() {
        return switch (this) {
            case CANCELLED -> new ErrorInfo(ErrorInfo.ErrorCode.CANCELLED, "cancelled by its client");
            case EXPIRED -> new ErrorInfo(ErrorInfo.ErrorCode.EXPIRED, "its deadline passed before a worker took it");
            default -> null;
        };
    }

    /** The status a reply ends a request in: expired and cancelled are failures with a status of their own. */
    public static RequestStatus of(LlmReply reply) {
        if (reply.status() == LlmReply.Status.SUCCEEDED) {
            return SUCCEEDED;
        }
        return switch (reply.error().code()) {
            case EXPIRED -> EXPIRED;
            case CANCELLED -> CANCELLED;
            default -> FAILED;
        };
    }
}
