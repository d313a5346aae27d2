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
 * {@code feedbackScore}, with the tiers as ingest recorded them.</li>
 * </ul>
 * {@code embedding} is the prompt's embedding the router scored the request with ({@link RoutingDecision#embedding()}),
 * null when it made none; feedback never carries one, and the router joins it to the worker's outcome of the same
 * request. No prompt or answer text is ever on this topic.
 */
public record RequestOutcome(int schemaVersion, String requestId, String tenant, Source source, TaskType taskType,
        Tier routedTier, Tier answeredTier, boolean escalated, Double qualityScore, Double feedbackScore,
        String embedding, Instant at) {

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
        at = at == null ? Instant.now() : at;
    }
}
