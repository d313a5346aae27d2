package io.hybridllm.worker.core;

import java.util.List;
import java.util.function.Consumer;

import io.hybridllm.contracts.StreamChunk;
import io.hybridllm.contracts.StreamChunk.ToolCallDelta;
import io.hybridllm.contracts.ToolCall;

/**
 * Where the pieces of a streamed answer go as the model writes them: text, and the pieces of the tool calls it asks for
 * (the first piece of a call with its id and name, then fragments of its arguments), none longer than
 * {@link StreamChunk#MAX_DELTA_CHARS}.
 */
public interface AnswerPieces {

    void text(String delta);

    void toolCall(ToolCallDelta delta);

    /** Pieces handed to two consumers, one for the text and one for the tool calls. */
    static AnswerPieces of(Consumer<String> text, Consumer<ToolCallDelta> toolCalls) {
        return new AnswerPieces() {
            @Override
            public void text(String delta) {
                text.accept(delta);
            }

            @Override
            public void toolCall(ToolCallDelta delta) {
                toolCalls.accept(delta);
            }
        };
    }

    /** Whole tool calls (from a backend that does not stream them), as pieces: each call's arguments split to fit. */
    default void toolCalls(List<ToolCall> calls) {
        for (int index = 0; calls != null && index < calls.size(); index++) {
            ToolCall call = calls.get(index);
            toolCall(index, call.id(), call.name(), call.arguments());
        }
    }

    /** One piece of the call at {@code index} (id and name when it begins the call), its arguments split to fit. */
    default void toolCall(int index, String id, String name, String arguments) {
        int max = StreamChunk.MAX_DELTA_CHARS;
        String text = arguments == null ? "" : arguments;
        toolCall(new ToolCallDelta(index, id, name, text.substring(0, Math.min(max, text.length()))));
        for (int start = max; start < text.length(); start += max) {
            toolCall(new ToolCallDelta(index, null, null, text.substring(start, Math.min(text.length(), start + max))));
        }
    }
}
