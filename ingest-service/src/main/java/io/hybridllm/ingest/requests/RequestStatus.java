package io.hybridllm.ingest.requests;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

import io.hybridllm.contracts.ErrorInfo;
import io.hybridllm.contracts.LlmReply;

/**
 * Where a request stands, as a client polling it sees. The open states follow what ingest reads from Kafka, in whatever
 * order it reads it: the tier topics ({@code routed}, {@code escalated}) and the workers' announcements that a call
 * began ({@code running}). A final state never changes.
 */
public enum RequestStatus {
    /** Stored and in {@code llm.requests}; the router has not published it to a tier yet (as far as ingest knows). */
    QUEUED,
    /** On a tier topic, waiting for or being answered by a worker. */
    ROUTED,
    /** Handed on to a later tier after a failed or poor answer. */
    ESCALATED,
    /** A worker began a model call for it (its latest attempt); the answer, or a further attempt, is next. */
    RUNNING, SUCCEEDED, FAILED, CANCELLED, EXPIRED;

    /** The ending of a request cancelled while a model call for it was under way. */
    public static final ErrorInfo CANCELLED_MID_CALL = new ErrorInfo(ErrorInfo.ErrorCode.CANCELLED,
            "cancelled by its client while a model call was under way: that call runs to its end and is charged;"
                    + " its answer, usage and cost are shown here once it replies, but the status stays cancelled");

    /** The statuses a request may still leave. */
    public static final Set<RequestStatus> OPEN = Collections
            .unmodifiableSet(EnumSet.of(QUEUED, ROUTED, ESCALATED, RUNNING));
    /** The open statuses after the router published the request to a tier. */
    public static final Set<RequestStatus> ON_TIER = Collections
            .unmodifiableSet(EnumSet.of(ROUTED, ESCALATED, RUNNING));
    /** The statuses that never change. */
    public static final Set<RequestStatus> FINAL = Collections
            .unmodifiableSet(EnumSet.complementOf(EnumSet.copyOf(OPEN)));

    public boolean isFinal() {
        return FINAL.contains(this);
    }

    /**
     * A query with {@code {OPEN}}, {@code {ON_TIER}} and {@code {FINAL}} written as SQL lists of these sets, e.g.
     * {@code ('QUEUED', 'ROUTED', 'ESCALATED', 'RUNNING')}: every query names the sets, never their members.
     */
    public static String inSql(String query) {
        return query.replace("{OPEN}", sqlList(OPEN)).replace("{ON_TIER}", sqlList(ON_TIER)).replace("{FINAL}",
                sqlList(FINAL));
    }

    static String sqlList(Set<RequestStatus> statuses) {
        return statuses.stream().map(status -> "'" + status.name() + "'").collect(Collectors.joining(", ", "(", ")"));
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
