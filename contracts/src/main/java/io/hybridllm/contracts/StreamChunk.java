package io.hybridllm.contracts;

import static io.hybridllm.contracts.json.Check.require;

/**
 * A piece of a streamed answer on {@value Topics#STREAM}, keyed by the request id, published by the worker as the
 * provider sends it. {@code attempt} is the request's attempt number (its history's size plus one when the call began,
 * as in {@link Attempt}); {@code sequence} counts the attempt's chunks from 0, so a reader can tell a continuation from
 * a call that started over. Chunks are a preview: the request's {@link LlmReply} stays the answer, with its usage, cost
 * and score. See docs/submitting.md, "Streaming".
 */
public record StreamChunk(int schemaVersion, String requestId, int attempt, int sequence, String provider, String model,
        String delta) {

    /** The most characters one chunk carries; a longer provider event is split. */
    public static final int MAX_DELTA_CHARS = 16_384;

    public StreamChunk {
        schemaVersion = SchemaVersion.check(schemaVersion);
        require(requestId != null && !requestId.isBlank(), "request_id", "is required");
        require(attempt >= 1, "attempt", "must be 1 or more");
        require(sequence >= 0, "sequence", "must not be negative");
        require(delta != null, "delta", "is required");
        require(delta.length() <= MAX_DELTA_CHARS, "delta", "must be at most " + MAX_DELTA_CHARS + " characters");
    }

    public StreamChunk(String requestId, int attempt, int sequence, Target target, String delta) {
        this(SchemaVersion.CURRENT, requestId, attempt, sequence, target.provider(), target.model(), delta);
    }
}
