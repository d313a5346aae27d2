package io.hybridllm.contracts;

import static io.hybridllm.contracts.json.Check.require;

import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A function the model may call: its name, what it does, and its parameters as a JSON schema (an object schema; none
 * means no parameters). {@code strict} asks providers that support it to hold the arguments to the schema exactly.
 */
public record Tool(String name, String description, JsonNode parameters, Boolean strict) {

    /** OpenAI's rule for function names, which every provider accepts. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    public Tool {
        require(name != null && NAME.matcher(name).matches(), "tools.name",
                "must be 1-64 letters, digits, underscores or dashes");
        require(parameters == null || parameters.isNull() || parameters.isObject(), "tools.parameters",
                "must be a JSON schema object");
        parameters = parameters == null || parameters.isNull() ? null : parameters;
    }
}
