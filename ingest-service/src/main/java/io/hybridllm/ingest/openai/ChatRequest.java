package io.hybridllm.ingest.openai;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

import io.hybridllm.contracts.ChatMessage;
import io.hybridllm.contracts.GenerationOptions;
import io.hybridllm.contracts.Priority;
import io.hybridllm.contracts.RequestHints;
import io.hybridllm.contracts.Role;
import io.hybridllm.contracts.TaskType;
import io.hybridllm.contracts.http.Submission;
import io.hybridllm.contracts.json.InvalidMessageException;

/**
 * An OpenAI chat completion request, read leniently (OpenAI clients send many optional fields; those that do not change
 * the answer's content are ignored), turned into a submission. Only text content is supported, and one choice.
 * {@code stream} asks for the answer as server-sent events ({@link ChatStreams}).
 */
public record ChatRequest(String model, List<Message> messages, Integer maxTokens, Integer maxCompletionTokens,
        Double temperature, Boolean stream, Integer n, String user, StreamOptions streamOptions) {

    public record Message(String role, JsonNode content) {
    }

    /** {@code include_usage}: a last chunk with the usage and no choices. */
    public record StreamOptions(Boolean includeUsage) {
    }

    public boolean streamed() {
        return Boolean.TRUE.equals(stream);
    }

    public boolean includeUsage() {
        return streamed() && streamOptions != null && Boolean.TRUE.equals(streamOptions.includeUsage());
    }

    public Submission toSubmission(Optional<ModelAliases.Hint> hint, Priority priority) {
        return toSubmission(hint, priority, null);
    }

    /** The submission, with a deadline (a batch's window) if not null. */
    public Submission toSubmission(Optional<ModelAliases.Hint> hint, Priority priority, Instant deadline) {
        if (messages == null || messages.isEmpty()) {
            throw new InvalidMessageException("messages", "must hold at least one message");
        }
        if (streamed() && deadline != null) {
            throw new InvalidMessageException("stream",
                    "a batch's answers are not streamed; leave stream out or false");
        }
        if (streamOptions != null && !streamed()) {
            throw new InvalidMessageException("stream_options", "is only allowed when stream is true");
        }
        if (n != null && n != 1) {
            throw new InvalidMessageException("n", "only one choice is supported");
        }
        List<ChatMessage> chat = new ArrayList<>();
        for (int i = 0; i < messages.size(); i++) {
            chat.add(new ChatMessage(role(messages.get(i).role(), i), text(messages.get(i).content(), i)));
        }
        Map<String, String> context = new HashMap<>();
        hint.map(ModelAliases.Hint::model).ifPresent(model -> context.put("model", model));
        RequestHints hints = new RequestHints(hint.map(ModelAliases.Hint::provider).orElse(null),
                hint.map(ModelAliases.Hint::tier).orElse(null), false, null, priority, deadline, context);
        return new Submission(null, null, TaskType.CHAT, chat,
                new GenerationOptions(maxCompletionTokens != null ? maxCompletionTokens : maxTokens, temperature,
                        streamed()),
                hints, null, null);
    }

    private static Role role(String role, int index) {
        return switch (role == null ? "" : role) {
            case "system", "developer" -> Role.SYSTEM;
            case "user" -> Role.USER;
            case "assistant" -> Role.ASSISTANT;
            case "tool" -> Role.TOOL;
            default -> throw new InvalidMessageException("messages[" + index + "].role",
                    "'" + role + "' is not one of: system, developer, user, assistant, tool");
        };
    }

    /** A string, or an array of parts of which only text parts are read. */
    private static String text(JsonNode content, int index) {
        if (content == null || content.isNull()) {
            return "";
        }
        if (content.isTextual()) {
            return content.asText();
        }
        if (content.isArray()) {
            StringBuilder text = new StringBuilder();
            for (JsonNode part : content) {
                if (!"text".equals(part.path("type").asText())) {
                    throw new InvalidMessageException("messages[" + index + "].content",
                            "only text parts are supported, not " + part.path("type").asText());
                }
                text.append(part.path("text").asText());
            }
            return text.toString();
        }
        throw new InvalidMessageException("messages[" + index + "].content", "must be a string or an array of parts");
    }
}
