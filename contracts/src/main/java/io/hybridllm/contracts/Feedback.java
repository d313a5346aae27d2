package io.hybridllm.contracts;

import static io.hybridllm.contracts.json.Check.require;

/**
 * A client's judgement of an answer: {@code score} in [0, 1] (0: useless, 1: right), and an optional short
 * {@code comment}. The body of {@code POST /v1/requests/{id}/feedback}, and the record a tenant's job produces to
 * {@code feedback.<tenant>} ({@link Topics#tenantFeedback}), where {@code requestId} says which answer it judges.
 */
public record Feedback(int schemaVersion, String requestId, double score, String comment) {

    /** A comment is a note for whoever reads the outcomes, not a document: longer ones are refused. */
    public static final int MAX_COMMENT_CHARS = 1000;

    /** Below this a score says the answer was not good enough: the tier that gave it should not have been chosen. */
    public static final double GOOD_ENOUGH = 0.5;

    public Feedback {
        schemaVersion = SchemaVersion.check(schemaVersion);
        require(score >= 0 && score <= 1, "score", "is " + score + ", but must be within [0, 1]");
        require(comment == null || comment.length() <= MAX_COMMENT_CHARS, "comment",
                "has " + (comment == null ? 0 : comment.length()) + " characters, more than " + MAX_COMMENT_CHARS);
        comment = comment == null || comment.isBlank() ? null : comment;
    }

    public boolean goodEnough() {
        return score >= GOOD_ENOUGH;
    }
}
