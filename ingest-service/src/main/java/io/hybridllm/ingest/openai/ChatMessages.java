package io.hybridllm.ingest.openai;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import io.hybridllm.contracts.ChatMessage;
import io.hybridllm.contracts.ContentPart;
import io.hybridllm.contracts.Role;
import io.hybridllm.contracts.ToolCall;
import io.hybridllm.contracts.json.InvalidMessageException;

/** OpenAI's chat messages, read into the contracts' turns: text and image parts, tool calls and tool results. */
final class ChatMessages {

    /** One message as OpenAI sends it; anything else in it is refused as unknown. */
    public record Message(String role, JsonNode content, String name, JsonNode toolCalls, String toolCallId,
            String refusal) {
    }

    static ChatMessage of(Message message, int index) {
        String at = "messages[" + index + "]";
        Role role = role(message.role(), at);
        List<ContentPart> parts = parts(message.content(), at + ".content", role);
        String content = parts == null ? "" : null;
        if (message.refusal() != null && role == Role.ASSISTANT && textOf(parts).isEmpty()) {
            // An earlier refusal, sent back as history: it is what the assistant said.
            parts = List.of(new ContentPart.Text(message.refusal()));
        }
        List<ToolCall> calls = toolCalls(message.toolCalls(), at + ".tool_calls");
        if (calls != null && role != Role.ASSISTANT) {
            throw new InvalidMessageException(at + ".tool_calls", "only an assistant message holds tool calls");
        }
        if (role == Role.TOOL && (message.toolCallId() == null || message.toolCallId().isBlank())) {
            throw new InvalidMessageException(at + ".tool_call_id",
                    "is required: a tool message answers the tool call it names");
        }
        if (role != Role.TOOL && message.toolCallId() != null) {
            throw new InvalidMessageException(at + ".tool_call_id", "only a tool message has one");
        }
        return new ChatMessage(role, content, calls, message.toolCallId(), message.name(), parts);
    }

    private static Role role(String role, String at) {
        return switch (role == null ? "" : role) {
            case "system", "developer" -> Role.SYSTEM;
            case "user" -> Role.USER;
            case "assistant" -> Role.ASSISTANT;
            case "tool" -> Role.TOOL;
            default -> throw new InvalidMessageException(at + ".role",
                    "'" + role + "' is not one of: system, developer, user, assistant, tool");
        };
    }

    /**
     * A string, or an array of text parts and (in a user message) image parts; other parts are refused with the reason.
     * Null for no content.
     */
    private static List<ContentPart> parts(JsonNode content, String at, Role role) {
        if (content == null || content.isNull()) {
            return null;
        }
        if (content.isTextual()) {
            return List.of(new ContentPart.Text(content.asText()));
        }
        if (!content.isArray()) {
            throw new InvalidMessageException(at, "must be a string or an array of parts");
        }
        List<ContentPart> parts = new ArrayList<>();
        for (int i = 0; i < content.size(); i++) {
            JsonNode part = content.get(i);
            String where = at + "[" + i + "]";
            String type = part.path("type").asText();
            switch (type) {
                case "text" -> parts.add(new ContentPart.Text(part.path("text").asText()));
                // An assistant's earlier refusal, as history.
                case "refusal" -> parts.add(new ContentPart.Text(part.path("refusal").asText()));
                case "image_url" -> parts.add(image(part.path("image_url"), where + ".image_url", role));
                case "input_audio", "file" -> throw new InvalidMessageException(where, type
                        + " parts are not supported: no target's adapter translates them (text and image_url are)");
                default -> throw new InvalidMessageException(where + ".type",
                        "'" + type + "' is not a content part type (text, image_url)");
            }
        }
        return parts;
    }

    /** OpenAI's {@code {"url": ..., "detail": ...}}, in a user message only, as the contracts' image part. */
    private static ContentPart.Image image(JsonNode image, String at, Role role) {
        if (role != Role.USER) {
            throw new InvalidMessageException(at, "only a user message may hold images");
        }
        if (!image.path("url").isTextual()) {
            throw new InvalidMessageException(at + ".url",
                    "is required: an https:// URL or a data:image/...;base64, URI");
        }
        JsonNode detail = image.path("detail");
        try {
            return new ContentPart.Image(image.get("url").asText(), detail.isTextual() ? detail.asText() : null);
        } catch (InvalidMessageException e) {
            throw new InvalidMessageException(at + (e.field().endsWith("detail") ? ".detail" : ".url"), e.reason());
        }
    }

    private static String textOf(List<ContentPart> parts) {
        return parts == null ? ""
                : String.join("", parts.stream().filter(ContentPart.Text.class::isInstance)
                        .map(p -> ((ContentPart.Text) p).text()).toList());
    }

    private static List<ToolCall> toolCalls(JsonNode calls, String at) {
        if (!ChatRefusals.present(calls)) {
            return null;
        }
        if (!calls.isArray()) {
            throw new InvalidMessageException(at, "must be an array of tool calls");
        }
        List<ToolCall> read = new ArrayList<>();
        for (int i = 0; i < calls.size(); i++) {
            JsonNode call = calls.get(i);
            String where = at + "[" + i + "]";
            if (!"function".equals(call.path("type").asText("function"))) {
                throw new InvalidMessageException(where + ".type", "only function tool calls are supported");
            }
            JsonNode function = call.path("function");
            if (!call.path("id").isTextual() || !function.path("name").isTextual()) {
                throw new InvalidMessageException(where, "needs an id and a function.name");
            }
            JsonNode arguments = function.path("arguments");
            read.add(new ToolCall(call.get("id").asText(), function.get("name").asText(),
                    arguments.isTextual() ? arguments.asText()
                            : arguments.isMissingNode() ? null : arguments.toString()));
        }
        return read;
    }

    private ChatMessages() {
    }
}
