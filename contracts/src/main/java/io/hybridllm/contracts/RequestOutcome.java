package io.hybridllm.contracts;

import static io.hybridllm.contracts.json.Check.require;

import java.time.Instant;

/**
 * What became of a request, on {@value Topics#OUTCOMES} keyed by request id: what the router learns from.
 * <ul>
 * <li>{@link Source#WORKER}: published by the worker that ended a request whose answer went through a local tier: the
 * tier the router chose ({@code routedTier}), the tier that answered ({@code answeredTier}, null when none did),
 * whether a local answer was handed on to a stronger tier ({@code escalated}), and the quality check's last score of a
 * local answer ({@code qualityScore}, null when none was made).</li>
 * <li>{@link Source#FEEDBACK}: published by ingest for a client's {@link Feedback} on a request of its own:
 * {@code feedbackScore} and the client's {@code comment} (null when none), with the tiers as ingest recorded them.</li>
 * </ul>
 * {@code embedding} is the prompt's embedding the router scored the request with ({@link RoutingDecision#embedding()}),
 * null when it made none; feedback never carries one, and the router joins it to the worker's outcome of the same
 * request. No prompt or answer text is ever on this topic; a feedback comment is the client's note on the answer, for
 * whoever reads the outcomes (the router does not).
 */
public record RequestOutcome(int schemaVersion, String requestId, String tenant, Source source, TaskType taskType,
        Tier routedTier, Tier answeredTier, boolean escalated, Double qualityScore, Double feedbackScore,
        String embedding, Instant at, String comment) {

    /** An outcome without a comment: every worker's, and feedback that gave none. */
    public RequestOutcome(int schemaVersion, String requestId, String tenant, Source source, TaskType taskType,
            Tier routedTier, Tier answeredTier, boolean escalated, Double qualityScore, Double feedbackScore,
            String embedding, Instant at) {
        this(schemaVersion, requestId, tenant, source, taskType, routedTier, answeredTier, escalated, qualityScore,
                feedbackScore, embedding, at, null);
    }

    public enum Source {
        WORKER, FEEDBACK
    }

    public RequestOutcome {
        schemaVersion = SchemaVersion.check(schemaVersion);
        require(requestId != null && !requestId.isBlank(), "request_id", "is required");
        require(tenant != null && !tenant.isBlank(), "tenant", "is required");
        require(source != null, "source", "is required");
        require(routedTier != null, "routed_tier", "is required");
        require(qualityScore == null || qualityScore >= 0 && qualityScore <= 1, "quality_score",
                "is " + qualityScore + ", but must be within [0, 1]");
        require(feedbackScore == null || feedbackScore >= 0 && feedbackScore <= 1, "feedback_score",
                "is " + feedbackScore + ", but must be within [0, 1]");
        require(source != Source.FEEDBACK || feedbackScore != null, "feedback_score", "is required for feedback");
        require(comment == null || source == Source.FEEDBACK && comment.length() <= Feedback.MAX_COMMENT_CHARS,
                "comment", "is feedback's only, of at most " + Feedback.MAX_COMMENT_CHARS + " characters");
        at = at == null ? Instant.now() : at;
    }
}
