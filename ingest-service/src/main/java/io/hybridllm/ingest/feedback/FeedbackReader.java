package io.hybridllm.ingest.feedback;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;

import io.hybridllm.contracts.Feedback;
import io.hybridllm.contracts.json.InvalidMessageException;
import io.hybridllm.contracts.json.Json;

/**
 * Reads a {@link Feedback} within {@link #MAX_BYTES}: a missing {@code score} would otherwise read as 0, the worst
 * judgement, so it is required to be there and a number. An HTTP body is read strictly (an unknown field is a typo to
 * report); a Kafka record as every message is, ignoring fields a newer writer may add.
 */
public final class FeedbackReader {

    /**
     * The largest feedback document: a score and a comment of {@value Feedback#MAX_COMMENT_CHARS} characters, each
     * escaped as six at worst, with room for the field names.
     */
    public static final int MAX_BYTES = 8 * 1024;

    private FeedbackReader() {
    }

    public static Feedback read(String json, boolean strict) {
        if (json == null || json.isBlank()) {
            throw new InvalidMessageException("", "empty; expected a JSON object with a score");
        }
        if (json.length() > MAX_BYTES) {
            throw new InvalidMessageException("", "is " + json.length() + " characters; the limit is " + MAX_BYTES);
        }
        try {
            JsonNode tree = Json.mapper().readTree(json);
            if (tree == null || !tree.isObject()) {
                throw new InvalidMessageException("", "expected a JSON object with a score");
            }
            if (!tree.path("score").isNumber()) {
                throw new InvalidMessageException("score", "is required: a number within [0, 1]");
            }
            ObjectReader reader = Json.mapper().readerFor(Feedback.class);
            return (strict ? reader.with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES) : reader).treeToValue(tree,
                    Feedback.class);
        } catch (JacksonException e) {
            throw Json.describe(e);
        }
    }
}
