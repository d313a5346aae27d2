package io.hybridllm.worker.core.provider.stream;

/**
 * How much of a provider's stream is read. A provider's event is a small JSON object (a few hundred bytes); a line or
 * event far beyond that is not a stream this worker understands, and is refused before it fills the heap.
 *
 * @param maxLineBytes
 *            the longest line, in UTF-8 bytes
 * @param maxEventChars
 *            the longest event (an SSE event's data lines together, or one NDJSON line)
 * @param maxAnswerChars
 *            the longest answer the pieces may add up to
 */
public record StreamLimits(int maxLineBytes, int maxEventChars, int maxAnswerChars) {

    /** 1 MiB lines and events; 4 million characters of answer, about a million tokens. */
    public static final StreamLimits DEFAULT = new StreamLimits(1 << 20, 1 << 20, 4_000_000);

    public StreamLimits {
        if (maxLineBytes < 1 || maxEventChars < 1 || maxAnswerChars < 1) {
            throw new IllegalArgumentException("stream limits must be positive");
        }
    }
}
