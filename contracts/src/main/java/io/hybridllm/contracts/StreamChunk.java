package io.hybridllm.contracts;

import static io.hybridllm.contracts.json.Check.require;

/**
 * A piece of a streamed answer on {@value Topics#STREAM}, keyed by the request id, published by the worker as the
 * provider sends it. {@code attempt} is the request's attempt number (its history's size plus one when the call began,
 * as in {@link Attempt}); {@code sequence} counts the attempt's chunks from 0, so a reader can tell a continuation from
 * a call that started over. A chunk carries text in {@code delta}, or a piece of a tool call in {@code toolCall} (then
 * {@code delta} is empty); chunks written before tool calls were streamed have no {@code tool_call} and read as text.
 * Chunks are a preview: the request's {@link LlmReply} stays the answer, with its usage, cost and score. See
 * docs/submitting.md, "Streaming".
 */
public record StreamChunk(int schemaVersion, String requestId, int attempt, int sequence, String provider, String model,
        String delta, ToolCallDelta toolCall) {

    /** The most characters one chunk carries, text or tool call arguments; a longer provider event is split. */
    public static final int MAX_DELTA_CHARS = 16_384;
    /** The most tool calls one streamed answer may ask for (indexes 0 to this minus one). */
    public static final int MAX_TOOL_CALLS = 128;

    public StreamChunk {
        schemaVersion = SchemaVersion.check(schemaVersion);
        require(requestId != null && !requestId.isBlank(), "request_id", "is required");
        require(attempt >= 1, "attempt", "must be 1 or more");
        require(sequence >= 0, "sequence", "must not be negative");
        require(delta != null, "delta", "is required");
        require(delta.length() <= MAX_DELTA_CHARS, "delta", "must be at most " + MAX_DELTA_CHARS + " characters");
        require(toolCall == null || delta.isEmpty(), "delta", "must be empty beside a tool_call");
    }

    /** A text piece, as chunks were before tool calls were streamed. */
    public StreamChunk(int schemaVersion, String requestId, int attempt, int sequence, String provider, String model,
            String delta) {
        this(schemaVersion, requestId, attempt, sequence, provider, model, delta, null);
    }

    public StreamChunk(String requestId, int attempt, int sequence, Target target, String delta) {
        this(SchemaVersion.CURRENT, requestId, attempt, sequence, target.provider(), target.model(), delta, null);
    }

    public StreamChunk(String requestId, int attempt, int sequence, Target target, ToolCallDelta toolCall) {
        this(SchemaVersion.CURRENT, requestId, attempt, sequence, target.provider(), target.model(), "", toolCall);
    }

    /**
     * A piece of the tool call at {@code index} (0 for the answer's first call, in the order the model began them), in
     * OpenAI's streamed form: the first piece of a call names its {@code id} and function {@code name}, the later ones
     * only add {@code arguments} text; joined in order, the pieces give the {@link ToolCall}.
     */
    public record ToolCallDelta(int index, String id, String name, String arguments) {

        public ToolCallDelta {
            require(index >= 0 && index < MAX_TOOL_CALLS, "tool_call.index", "must be 0 to " + (MAX_TOOL_CALLS - 1));
            require(id == null || !id.isBlank() && id.length() <= 256, "tool_call.id", "must be 1-256 characters");
            require(name == null || !name.isBlank() && name.length() <= 256, "tool_call.name",
                    "must be 1-256 characters");
            arguments = arguments == null ? "" : arguments;
            require(arguments.length() <= MAX_DELTA_CHARS, "tool_call.arguments",
                    "must be at most " + MAX_DELTA_CHARS + " characters");
        }

        /** Whether this piece begins its call (it names the call's id and function). */
        public boolean begins() {
            return id != null;
        }
    }
}
