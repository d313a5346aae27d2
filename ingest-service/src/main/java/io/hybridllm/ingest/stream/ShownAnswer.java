package io.hybridllm.ingest.stream;

import java.util.ArrayList;
import java.util.List;

import io.hybridllm.contracts.StreamChunk;
import io.hybridllm.contracts.StreamChunk.ToolCallDelta;
import io.hybridllm.contracts.ToolCall;

/**
 * What one stream has shown of an answer: its text and the tool calls begun, each with the arguments shown so far. At
 * the end it tells what the reply adds, or that the reply does not continue what was shown (which cannot be taken
 * back). Calls must begin in order (index 0, 1, ...) and a fragment must follow its call's beginning, as the worker
 * numbers them; a piece that does not fit is refused, like a piece past the bound of {@code maxChars}.
 */
final class ShownAnswer {

    /** A piece of a tool call still to show at the end: whole when none of it was shown. */
    record CallRest(int index, String id, String name, String arguments) {
    }

    /** What the reply adds to what was shown. */
    record Rest(String text, List<CallRest> toolCalls) {
    }

    private record Call(String id, String name, StringBuilder arguments) {
    }

    private final int maxChars;
    private final StringBuilder text = new StringBuilder();
    private final List<Call> calls = new ArrayList<>();
    private int chars;

    ShownAnswer(int maxChars) {
        this.maxChars = maxChars;
    }

    /** Takes the chunk's piece as shown, or refuses it (false) when it does not fit. */
    boolean add(StreamChunk chunk) {
        ToolCallDelta call = chunk.toolCall();
        int size = chunk.delta().length() + (call == null ? 0 : call.arguments().length());
        if (chars + size > maxChars) {
            return false;
        }
        if (call == null) {
            text.append(chunk.delta());
        } else if (call.begins() && call.name() != null && call.index() == calls.size()) {
            calls.add(new Call(call.id(), call.name(), new StringBuilder(call.arguments())));
        } else if (!call.begins() && call.index() < calls.size()) {
            calls.get(call.index()).arguments().append(call.arguments());
        } else {
            return false;
        }
        chars += size;
        return true;
    }

    int chars() {
        return chars;
    }

    /**
     * What {@code answer} and {@code toolCalls} add to what was shown, or null when they do not continue it: the text
     * shown must begin the answer, and each call shown must be the reply's call at its index, with the arguments shown
     * beginning its arguments.
     */
    Rest rest(String answer, List<ToolCall> toolCalls) {
        String whole = answer == null ? "" : answer;
        List<ToolCall> replied = toolCalls == null ? List.of() : toolCalls;
        if (!whole.startsWith(text.toString()) || replied.size() < calls.size()) {
            return null;
        }
        List<CallRest> rest = new ArrayList<>();
        for (int i = 0; i < replied.size(); i++) {
            ToolCall reply = replied.get(i);
            if (i >= calls.size()) {
                rest.add(new CallRest(i, reply.id(), reply.name(), reply.arguments()));
                continue;
            }
            Call call = calls.get(i);
            String shownArguments = call.arguments().toString();
            if (!call.id().equals(reply.id()) || !call.name().equals(reply.name())
                    || !reply.arguments().startsWith(shownArguments)) {
                return null;
            }
            if (reply.arguments().length() > shownArguments.length()) {
                rest.add(new CallRest(i, null, null, reply.arguments().substring(shownArguments.length())));
            }
        }
        return new Rest(whole.substring(text.length()), rest);
    }
}
