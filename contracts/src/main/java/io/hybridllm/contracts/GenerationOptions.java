package io.hybridllm.contracts;

import static io.hybridllm.contracts.json.Check.require;

import java.util.List;

/**
 * How the model should generate; absent values mean the backend's defaults. Each adapter passes what its provider
 * supports under the provider's own names; a field a provider has no equivalent for is documented in
 * docs/submitting.md.
 *
 * @param endUser
 *            who the answer is for (OpenAI's {@code user}): recorded with the usage and passed to providers that take
 *            it for abuse monitoring
 * @param tools
 *            functions the model may call; {@code toolChoice} says whether it must
 * @param parallelToolCalls
 *            whether the model may ask for several calls at once (null: the provider's default, which allows it)
 * @param stream
 *            asks for the answer's pieces on {@value Topics#STREAM} as the model writes them ({@link StreamChunk}); the
 *            reply is the same either way
 */
public record GenerationOptions(Integer maxTokens, Double temperature, Double topP, List<String> stop, Long seed,
        Double presencePenalty, Double frequencyPenalty, String endUser, List<Tool> tools, ToolChoice toolChoice,
        Boolean parallelToolCalls, ResponseFormat responseFormat, boolean stream) {

    public static final GenerationOptions DEFAULTS = new GenerationOptions(null, null);

    /** OpenAI's limits, which are the tightest of the providers: beyond them no target would take the request. */
    static final int MAX_STOP = 4;
    static final int MAX_STOP_LENGTH = 256;
    static final int MAX_TOOLS = 128;
    static final int MAX_END_USER = 256;

    public static final String END_USER_RULE = "must be 1-" + MAX_END_USER + " characters without control characters";

    /** Whether {@code endUser} may name an end user: also checked on each usage event, which stores it. */
    public static boolean isEndUser(String endUser) {
        return !endUser.isBlank() && endUser.length() <= MAX_END_USER
                && endUser.chars().noneMatch(Character::isISOControl);
    }

    public GenerationOptions {
        require(maxTokens == null || (maxTokens > 0 && maxTokens <= 1_000_000), "max_tokens",
                "must be between 1 and 1000000");
        require(temperature == null || (temperature >= 0 && temperature <= 2), "temperature",
                "must be between 0 and 2");
        require(topP == null || (topP > 0 && topP <= 1), "top_p", "must be above 0 and at most 1");
        require(presencePenalty == null || Math.abs(presencePenalty) <= 2, "presence_penalty",
                "must be between -2 and 2");
        require(frequencyPenalty == null || Math.abs(frequencyPenalty) <= 2, "frequency_penalty",
                "must be between -2 and 2");
        stop = stop == null || stop.isEmpty() ? null : List.copyOf(stop);
        require(stop == null || stop.size() <= MAX_STOP, "stop", "holds at most " + MAX_STOP + " sequences");
        require(stop == null || stop.stream().allMatch(s -> !s.isEmpty() && s.length() <= MAX_STOP_LENGTH), "stop",
                "sequences must be 1-" + MAX_STOP_LENGTH + " characters");
        require(endUser == null || isEndUser(endUser), "user", END_USER_RULE);
        tools = tools == null || tools.isEmpty() ? null : List.copyOf(tools);
        require(tools == null || tools.size() <= MAX_TOOLS, "tools", "holds at most " + MAX_TOOLS + " functions");
        require(tools == null || tools.stream().map(Tool::name).distinct().count() == tools.size(), "tools",
                "function names must be unique");
        require(toolChoice == null || toolChoice.mode() == ToolChoice.Mode.AUTO
                || toolChoice.mode() == ToolChoice.Mode.NONE || tools != null, "tool_choice",
                "requires tools to choose from");
        require(toolChoice == null || toolChoice.mode() != ToolChoice.Mode.FUNCTION
                || tools.stream().anyMatch(tool -> tool.name().equals(toolChoice.name())), "tool_choice.name",
                "names no function of tools");
    }

    public GenerationOptions(Integer maxTokens, Double temperature) {
        this(maxTokens, temperature, null, null, null, null, null, null, null, null, null, null, false);
    }

    /** Whether the model is offered functions to call. */
    public boolean offersTools() {
        return tools != null && (toolChoice == null || toolChoice.mode() != ToolChoice.Mode.NONE);
    }

    /** Whether the answer must be JSON (json_object or json_schema). */
    public boolean wantsJson() {
        return responseFormat != null && responseFormat.wantsJson();
    }

    /** Options for an answer delivered whole. */
    public GenerationOptions(Integer maxTokens, Double temperature, Double topP, List<String> stop, Long seed,
            Double presencePenalty, Double frequencyPenalty, String endUser, List<Tool> tools, ToolChoice toolChoice,
            Boolean parallelToolCalls, ResponseFormat responseFormat) {
        this(maxTokens, temperature, topP, stop, seed, presencePenalty, frequencyPenalty, endUser, tools, toolChoice,
                parallelToolCalls, responseFormat, false);
    }

    /** The same options, with the answer's pieces asked for. */
    public GenerationOptions streamed() {
        return new GenerationOptions(maxTokens, temperature, topP, stop, seed, presencePenalty, frequencyPenalty,
                endUser, tools, toolChoice, parallelToolCalls, responseFormat, true);
    }
}
