package io.hybridllm.contracts;

import static io.hybridllm.contracts.json.Check.require;

/**
 * Whether the model must, may or must not call a tool: {@code auto} (it decides), {@code none}, {@code required} (at
 * least one call), or {@code function} with the {@code name} of the one it must call.
 */
public record ToolChoice(Mode mode, String name) {

    public enum Mode {
        AUTO, NONE, REQUIRED, FUNCTION
    }

    public static final ToolChoice AUTO = new ToolChoice(Mode.AUTO, null);

    public ToolChoice {
        require(mode != null, "tool_choice.mode", "is required (auto, none, required or function)");
        require(mode != Mode.FUNCTION || name != null && !name.isBlank(), "tool_choice.name",
                "is required when mode is function");
        require(mode == Mode.FUNCTION || name == null, "tool_choice.name", "is only for mode function");
    }

    /** Whether an answer must hold a tool call. */
    public boolean forcesCall() {
        return mode == Mode.REQUIRED || mode == Mode.FUNCTION;
    }
}
