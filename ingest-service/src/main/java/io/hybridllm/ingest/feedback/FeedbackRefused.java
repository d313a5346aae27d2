package io.hybridllm.ingest.feedback;

/**
 * Feedback that judges nothing this tenant may judge: a request it cannot see (answered as missing, as elsewhere), or
 * one that has no answer (yet). Over HTTP a 404 or a 409; on Kafka a dead letter with the message as its reason.
 */
public class FeedbackRefused extends RuntimeException {

    public enum Why {
        NOT_FOUND, NOT_ANSWERED
    }

    private final Why why;

    FeedbackRefused(Why why, String message) {
        super(message, null, false, false);
        this.why = why;
    }

    public Why why() {
        return why;
    }
}
