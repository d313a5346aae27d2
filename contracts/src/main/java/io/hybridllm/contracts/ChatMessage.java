package io.hybridllm.contracts;

import static io.hybridllm.contracts.json.Check.require;

/** One turn of a conversation. */
public record ChatMessage(Role role, String content) {

    public ChatMessage {
        require(role != null, "role", "is required (system, user, assistant or tool)");
        require(content != null, "content", "is required");
    }

    public static ChatMessage user(String content) {
        return new ChatMessage(Role.USER, content);
    }

    public static ChatMessage assistant(String content) {
        return new ChatMessage(Role.ASSISTANT, content);
    }
}
