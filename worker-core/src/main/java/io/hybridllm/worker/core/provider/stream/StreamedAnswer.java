package io.hybridllm.worker.core.provider.stream;

import java.util.function.Consumer;

import io.hybridllm.contracts.ErrorInfo.ErrorCode;
import io.hybridllm.contracts.StreamChunk;
import io.hybridllm.contracts.TokenUsage;
import io.hybridllm.worker.core.CallResult;

/**
 * An answer as its stream is read: the pieces handed on as they come (none longer than
 * {@link StreamChunk#MAX_DELTA_CHARS}), the whole text kept for the reply, and what the last events said (usage,
 * truncation, the end). The result is the same {@link CallResult} a call without streaming gives.
 */
public final class StreamedAnswer {

    private final String provider;
    private final int maxChars;
    private final Consumer<String> pieces;
    private final StringBuilder text = new StringBuilder();
    private int promptTokens;
    private int completionTokens;
    private boolean truncated;
    private boolean finished;

    StreamedAnswer(String provider, int maxChars, Consumer<String> pieces) {
        this.provider = provider;
        this.maxChars = maxChars;
        this.pieces = pieces;
    }

    /** A piece of the answer's text. */
    public void text(String delta) throws StreamException {
        if (delta == null || delta.isEmpty()) {
            return;
        }
        if (text.length() + delta.length() > maxChars) {
            throw new StreamException(ErrorCode.PROVIDER_ERROR,
                    provider + " streamed an answer longer than " + maxChars + " characters");
        }
        text.append(delta);
        for (int start = 0; start < delta.length(); start += StreamChunk.MAX_DELTA_CHARS) {
            pieces.accept(delta.substring(start, Math.min(delta.length(), start + StreamChunk.MAX_DELTA_CHARS)));
        }
    }

    /** Token counts; an event that gives only one of them leaves the other as it was. */
    public void usage(Integer prompt, Integer completion) {
        promptTokens = prompt == null ? promptTokens : Math.max(0, prompt);
        completionTokens = completion == null ? completionTokens : Math.max(0, completion);
    }

    /** The model stopped at its token limit. */
    public void truncated() {
        truncated = true;
    }

    /** The provider said the answer is complete; events may still follow (e.g. usage). */
    public void finished() {
        finished = true;
    }

    boolean isFinished() {
        return finished;
    }

    CallResult result() {
        return new CallResult.Answered(text.toString(), new TokenUsage(promptTokens, completionTokens), truncated);
    }
}
