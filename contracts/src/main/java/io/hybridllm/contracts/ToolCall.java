package io.hybridllm.contracts;

import static io.hybridllm.contracts.json.Check.require;

/**
 * A function call the model asks for: its id (which the {@code tool} message answering it names), the function and its
 * arguments as the JSON text the model wrote (OpenAI's form; adapters whose providers answer an object write it out).
 */
public record ToolCall(String id, String name, String arguments) {

    public ToolCall {
        require(id != null && !id.isBlank() && id.length() <= 256, "tool_calls.id", "is required (1-256 characters)");
        require(name != null && !name.isBlank(), "tool_calls.name", "is required");
        arguments = arguments == null || arguments.isBlank() ? "{}" : arguments;
    }
}
