package io.hybridllm.contracts.json;

/**
 * A message that can never be processed: malformed JSON, a missing or invalid field. Retrying cannot help, so consumers
 * send it to the dead-letter topic with {@link #getMessage()} as the reason, and HTTP answers 400 naming the field.
 */
public class InvalidMessageException extends RuntimeException {

    private final String field;
    private final String reason;

    public InvalidMessageException(String field, String reason) {
        super(field == null || field.isEmpty() ? reason : field + ": " + reason);
        this.field = field;
        this.reason = reason;
    }

    /** The JSON path of the offending field, e.g. {@code messages[0].role}; empty for the document as a whole. */
    public String field() {
        return field == null ? "" : field;
    }

    public String reason() {
        return reason;
    }
}
