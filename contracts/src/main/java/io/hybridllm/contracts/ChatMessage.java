package io.hybridllm.contracts;

import static io.hybridllm.contracts.json.Check.require;

import java.util.List;

/**
 * One turn of a conversation. An assistant turn may hold the tool calls the model asked for (its content may then be
 * empty); a tool turn answers one of them, named by {@code toolCallId}, with {@code name} the function it ran. A user
 * turn with images holds its {@code parts} in order (text and images); its {@code content} is then the text of those
 * parts, which is what scoring, quality checks and text-only readers see. Without images there are no parts.
 */
public record ChatMessage(Role role, String content, List<ToolCall> toolCalls, String toolCallId, String name,
        List<ContentPart> parts) {

    public ChatMessage {
        require(role != null, "role", "is required (system, user, assistant or tool)");
        content = content == null && parts != null ? text(parts) : content;
        require(content != null, "content", "is required");
        require(parts == null || content.equals(text(parts)), "content",
                "must be the text of the parts when a message has parts (or be left out)");
        // Text parts alone are plain text: parts are kept only where there is an image.
        parts = parts == null || parts.stream().noneMatch(ContentPart.Image.class::isInstance) ? null
                : List.copyOf(parts);
        require(parts == null || role == Role.USER, "parts", "only a user message holds images");
        toolCalls = toolCalls == null || toolCalls.isEmpty() ? null : List.copyOf(toolCalls);
        require(toolCalls == null || role == Role.ASSISTANT, "tool_calls", "only an assistant message holds them");
        require(toolCallId == null || role == Role.TOOL, "tool_call_id", "only a tool message has one");
    }

    public ChatMessage(Role role, String content, List<ToolCall> toolCalls, String toolCallId, String name) {
        this(role, content, toolCalls, toolCallId, name, null);
    }

    public ChatMessage(Role role, String content) {
        this(role, content, null, null, null, null);
    }

    /** A user turn of text and images, in order. */
    public static ChatMessage userParts(List<ContentPart> parts) {
        return new ChatMessage(Role.USER, null, null, null, null, parts);
    }

    /** The images of this turn, in order; none for a text-only turn. */
    public List<ContentPart.Image> images() {
        return parts == null ? List.of()
                : parts.stream().filter(ContentPart.Image.class::isInstance).map(ContentPart.Image.class::cast)
                        .toList();
    }

    private static String text(List<ContentPart> parts) {
        StringBuilder text = new StringBuilder();
        for (ContentPart part : parts) {
            if (part instanceof ContentPart.Text t) {
                text.append(t.text());
            }
        }
        return text.toString();
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
