package io.hybridllm.worker.core.provider.stream;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.hybridllm.contracts.ErrorInfo.ErrorCode;
import io.hybridllm.contracts.StreamChunk;
import io.hybridllm.contracts.ToolCall;
import io.hybridllm.worker.core.AnswerPieces;

/**
 * The tool calls of a streamed answer as their pieces come: each provider names a call by its own index (OpenAI's
 * {@code index}, Anthropic's content block, Cohere's {@code index}); calls are numbered from 0 in the order they begin,
 * which is the order of the reply's tool calls. A call without an id from its provider (Gemini, Ollama) gets
 * {@code call_<n>}, as the adapters without streaming name it. At most {@link StreamChunk#MAX_TOOL_CALLS} calls.
 */
final class StreamedToolCalls {

    private record Call(String id, String name, StringBuilder arguments) {
    }

    private final String provider;
    private final Map<Integer, Integer> ordinals = new HashMap<>();
    private final List<Call> calls = new ArrayList<>();
    private int lastKey = -1;

    StreamedToolCalls(String provider) {
        this.provider = provider;
    }

    /**
     * A piece of the call the provider numbers {@code key}: its first piece must name the function. Returns how many
     * characters it added, for the answer's limit.
     */
    int piece(int key, String id, String name, String arguments, AnswerPieces pieces) throws StreamException {
        Integer ordinal = ordinals.get(key);
        String fragment = arguments == null ? "" : arguments;
        if (ordinal == null) {
            if (name == null || name.isBlank()) {
                throw new StreamException(ErrorCode.PROVIDER_ERROR,
                        provider + " streamed a piece of tool call " + key + " before the call's name");
            }
            if (calls.size() >= StreamChunk.MAX_TOOL_CALLS) {
                throw new StreamException(ErrorCode.PROVIDER_ERROR,
                        provider + " streamed more than " + StreamChunk.MAX_TOOL_CALLS + " tool calls");
            }
            ordinal = calls.size();
            String callId = id == null || id.isBlank() ? "call_" + ordinal : id;
            if (callId.length() > 256 || name.length() > 256) {
                throw new StreamException(ErrorCode.PROVIDER_ERROR,
                        provider + " streamed a tool call id or name longer than 256 characters");
            }
            ordinals.put(key, ordinal);
            lastKey = key;
            calls.add(new Call(callId, name, new StringBuilder(fragment)));
            pieces.toolCall(ordinal, callId, name, fragment);
            return callId.length() + name.length() + fragment.length();
        }
        if (!fragment.isEmpty()) {
            calls.get(ordinal).arguments().append(fragment);
            pieces.toolCall(ordinal, null, null, fragment);
        }
        return fragment.length();
    }

    /** The number of calls begun so far; a provider that numbers nothing names its next call by it. */
    int count() {
        return calls.size();
    }

    /** The last call begun, for providers whose continuations name no call (-1 when none). */
    int lastKey() {
        return lastKey;
    }

    /** The calls, or null when there are none. */
    List<ToolCall> result() {
        return calls.isEmpty() ? null
                : calls.stream().map(c -> new ToolCall(c.id(), c.name(), c.arguments().toString())).toList();
    }
}
