package io.hybridllm.contracts;

import static io.hybridllm.contracts.json.Check.require;

import java.util.List;

/**
 * One turn of a conversation. An assistant turn may hold the tool calls the model asked for (its content may then be
 * empty); a tool turn answers one of them, named by {@code toolCallId}, with {@code name} the function it ran.
 */
public record ChatMessage(Role role, String content, List<ToolCall> toolCalls, String toolCallId, String name) {

    public ChatMessage {
        require(role != null, "role", "is required (system, user, assistant or tool)");
        require(content != null, "content", "is required");
        toolCalls = toolCalls == null || toolCalls.isEmpty() ? null : List.copyOf(toolCalls);
        require(toolCalls == null || role == Role.ASSISTANT, "tool_calls", "only an assistant message holds them");
        require(toolCallId == null || role == Role.TOOL, "tool_call_id", "only a tool message has one");
    }

    public ChatMessage(Role role, String content) {
        this(role, content, null, null, null);
    }

    public static ChatMessage user(String content) {
        return new ChatMessage(Role.USER, content);
    }

    public static ChatMessage assistant(String content) {
        return new ChatMessage(Role.ASSISTANT, content);
    }

    public boolean hasToolCalls() {
        return toolCalls != null;
    }
}
