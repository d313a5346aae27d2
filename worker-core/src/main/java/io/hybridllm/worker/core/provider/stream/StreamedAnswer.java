package io.hybridllm.worker.core.provider.stream;

import java.util.List;

import io.hybridllm.contracts.ErrorInfo.ErrorCode;
import io.hybridllm.contracts.FinishReason;
import io.hybridllm.contracts.StreamChunk;
import io.hybridllm.contracts.TokenUsage;
import io.hybridllm.contracts.ToolCall;
import io.hybridllm.worker.core.AnswerPieces;
import io.hybridllm.worker.core.CallResult;

/**
 * An answer as its stream is read: the pieces handed on as they come (none longer than
 * {@link StreamChunk#MAX_DELTA_CHARS}), the whole text and tool calls kept for the reply, and what the last events said
 * (usage, truncation, the end). The result is the same {@link CallResult} a call without streaming gives: an answer
 * with tool calls ends as {@code tool_calls} unless it was cut off. Text and tool call arguments together stay within
 * the answer limit.
 */
public final class StreamedAnswer {

    private final String provider;
    private final int maxChars;
    private final AnswerPieces pieces;
    private final StringBuilder text = new StringBuilder();
    private final StreamedToolCalls toolCalls;
    private int chars;
    private int promptTokens;
    private int completionTokens;
    private boolean truncated;
    private boolean finished;

    StreamedAnswer(String provider, int maxChars, AnswerPieces pieces) {
        this.provider = provider;
        this.maxChars = maxChars;
        this.pieces = pieces;
        this.toolCalls = new StreamedToolCalls(provider);
    }

    /** A piece of the answer's text. */
    public void text(String delta) throws StreamException {
        if (delta == null || delta.isEmpty()) {
            return;
        }
        within(delta.length());
        text.append(delta);
        chars += delta.length();
        for (int start = 0; start < delta.length(); start += StreamChunk.MAX_DELTA_CHARS) {
            pieces.text(delta.substring(start, Math.min(delta.length(), start + StreamChunk.MAX_DELTA_CHARS)));
        }
    }

    /**
     * A piece of the tool call its provider numbers {@code key}: the first names the function (and the id, when the
     * provider gives one), later ones add to its arguments. A whole call is one piece.
     */
    public void toolCall(int key, String id, String name, String arguments) throws StreamException {
        within((id == null ? 0 : id.length()) + (name == null ? 0 : name.length())
                + (arguments == null ? 0 : arguments.length()));
        chars += toolCalls.piece(key, id, name, arguments, pieces);
    }

    /** The next call, for providers that send whole calls and number none. */
    public void wholeToolCall(String id, String name, String arguments) throws StreamException {
        toolCall(toolCalls.count(), id, name, arguments);
    }

    /** A continuation of the last call begun, for providers whose fragments name no call. */
    public void lastToolCall(String arguments) throws StreamException {
        toolCall(toolCalls.lastKey(), null, null, arguments);
    }

    private void within(int more) throws StreamException {
        if (chars + more > maxChars) {
            throw new StreamException(ErrorCode.PROVIDER_ERROR,
                    provider + " streamed an answer longer than " + maxChars + " characters");
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
        List<ToolCall> calls = toolCalls.result();
        FinishReason finish = truncated ? FinishReason.LENGTH
                : calls != null ? FinishReason.TOOL_CALLS : FinishReason.STOP;
        return new CallResult.Answered(text.toString(), new TokenUsage(promptTokens, completionTokens), finish, calls);
    }
}
