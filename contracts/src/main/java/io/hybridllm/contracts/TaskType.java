package io.hybridllm.contracts;

import java.util.List;
import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import io.hybridllm.contracts.json.InvalidMessageException;

/**
 * What a request asks for; routing policies and quality checks differ per task type. Open: besides the built-in ones,
 * an operator's policy may declare its own (seed 001's daemon actions, e.g. {@code classify_memory}), so a task type is
 * a name, checked here only for its shape; whether the policy in force knows it is the router's to say.
 */
public record TaskType(String name) {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,63}");

    public static final TaskType CHAT = new TaskType("chat");
    public static final TaskType COMPLETION = new TaskType("completion");
    public static final TaskType REVIEW = new TaskType("review");
    public static final TaskType EXPLAIN = new TaskType("explain");
    public static final TaskType REFACTOR = new TaskType("refactor");
    public static final TaskType COMMIT_MSG = new TaskType("commit_msg");
    public static final TaskType SEMANTIC_SEARCH = new TaskType("semantic_search");
    public static final TaskType CLASSIFY = new TaskType("classify");
    public static final TaskType SUMMARIZE = new TaskType("summarize");
    public static final TaskType EXTRACT = new TaskType("extract");
    public static final TaskType TRANSLATE = new TaskType("translate");
    public static final TaskType GENERATE = new TaskType("generate");
    /** Vectors for the request's {@code inputs} rather than a text answer (see {@link EmbedInputs}). */
    public static final TaskType EMBED = new TaskType("embed");

    /** The task types every policy knows, in a stable order. */
    public static final List<TaskType> BUILT_IN = List.of(CHAT, COMPLETION, REVIEW, EXPLAIN, REFACTOR, COMMIT_MSG,
            SEMANTIC_SEARCH, CLASSIFY, SUMMARIZE, EXTRACT, TRANSLATE, GENERATE, EMBED);

    public TaskType {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new InvalidMessageException("", "'" + name + "' is not a task type name: lower-case letters,"
                    + " digits and _, starting with a letter, at most 64 characters");
        }
    }

    @JsonCreator
    public static TaskType of(String name) {
        return new TaskType(name);
    }

    public boolean isBuiltIn() {
        return BUILT_IN.contains(this);
    }

    @JsonValue
    @Override
    public String name() {
        return name;
    }

    @Override
    public String toString() {
        return name;
    }
}
