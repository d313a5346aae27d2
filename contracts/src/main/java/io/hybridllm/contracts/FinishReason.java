package io.hybridllm.contracts;

/**
 * Why the model stopped, in OpenAI's words ({@code stop}, {@code length}, {@code tool_calls}, {@code content_filter}),
 * read from each provider's own field (Anthropic {@code stop_reason}, Gemini {@code finishReason}, Cohere
 * {@code finish_reason}, Ollama {@code done_reason}).
 */
public enum FinishReason {
    /** A natural end or a stop sequence. */
    STOP,
    /** The answer budget ran out: the answer is cut off. */
    LENGTH,
    /** The model asks for tools to be called; the answer is in the tool calls. */
    TOOL_CALLS,
    /** A provider's filter withheld part of the answer. */
    CONTENT_FILTER
}
