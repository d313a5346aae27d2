package io.hybridllm.contracts;

import static io.hybridllm.contracts.json.Check.require;

import java.util.List;

/**
 * The texts an {@link TaskType#EMBED embed} request wants vectors for. Bounded so that the request and its reply (one
 * vector per text, see {@link EmbeddingVectors}) each fit one Kafka message: a larger batch is split by its client.
 */
public final class EmbedInputs {

    /** Texts per request: each becomes a vector of up to some 16 KB in the reply. */
    public static final int MAX_INPUTS = 64;
    /** Characters per text: beyond the 8,192-token window of the largest embedding models. */
    public static final int MAX_INPUT_CHARS = 32_768;
    /** Characters of all texts together, so that the request stays well under a Kafka message. */
    public static final int MAX_TOTAL_CHARS = 262_144;
    /** The most dimensions a request may ask for (text-embedding-3-large has 3,072). */
    public static final int MAX_DIMENSIONS = 4_096;

    private EmbedInputs() {
    }

    /** Checks an embed request's inputs and dimensions, or that a request of another task type has neither. */
    public static List<String> check(TaskType taskType, List<String> inputs, Integer dimensions) {
        if (!TaskType.EMBED.equals(taskType)) {
            require(inputs == null, "inputs", "are only for task_type embed; other task types take messages");
            require(dimensions == null, "dimensions", "is only for task_type embed");
            return null;
        }
        require(inputs != null && !inputs.isEmpty(), "inputs", "must hold at least one text for task_type embed");
        require(inputs.size() <= MAX_INPUTS, "inputs",
                "holds at most " + MAX_INPUTS + " texts (" + inputs.size() + " given): split the batch");
        long total = 0;
        for (String input : inputs) {
            require(input != null && !input.isEmpty(), "inputs", "must not hold null or empty texts");
            require(input.length() <= MAX_INPUT_CHARS, "inputs",
                    "texts are at most " + MAX_INPUT_CHARS + " characters (one has " + input.length() + ")");
            total += input.length();
        }
        require(total <= MAX_TOTAL_CHARS, "inputs",
                "hold at most " + MAX_TOTAL_CHARS + " characters together (" + total + " given)");
        require(dimensions == null || (dimensions > 0 && dimensions <= MAX_DIMENSIONS), "dimensions",
                "must be between 1 and " + MAX_DIMENSIONS);
        return List.copyOf(inputs);
    }
}
