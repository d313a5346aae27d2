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
import io.hybridllm.contracts.TaskType;
import io.hybridllm.contracts.http.Submission;
import io.hybridllm.contracts.json.InvalidMessageException;

/**
 * An OpenAI chat completion request, turned into a submission. Every field OpenAI documents is known here and either
 * passed on (translated per provider by the workers) or refused by name with the reason ({@link ChatRefusals}); a field
 * OpenAI does not document is refused as unknown (the body is read strictly). docs/submitting.md lists them.
 * {@code stream} asks for the answer as server-sent events ({@link ChatStreams}).
 */
public record ChatRequest(String model, List<ChatMessages.Message> messages, Integer maxTokens,
        Integer maxCompletionTokens, Double temperature, Double topP, JsonNode stop, Long seed, Double presencePenalty,
        Double frequencyPenalty, String user, String safetyIdentifier, JsonNode tools, JsonNode toolChoice,
        Boolean parallelToolCalls, JsonNode responseFormat, Boolean stream, JsonNode streamOptions, Integer n,
        Boolean logprobs, Integer topLogprobs, JsonNode modalities, JsonNode audio, JsonNode logitBias, Boolean store,
        JsonNode metadata, String serviceTier, String reasoningEffort, JsonNode prediction, JsonNode webSearchOptions,
        JsonNode functions, JsonNode functionCall, String promptCacheKey, String verbosity) {

    public boolean streamed() {
        return Boolean.TRUE.equals(stream);
    }

    /** {@code stream_options.include_usage}: a last chunk with the usage and no choices. */
    public boolean includeUsage() {
        return streamed() && streamOptions != null && streamOptions.path("include_usage").asBoolean(false);
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
        ChatRefusals.check(this);
        List<ChatMessage> chat = new ArrayList<>();
        for (int i = 0; i < messages.size(); i++) {
            chat.add(ChatMessages.of(messages.get(i), i));
        }
        Map<String, String> context = new HashMap<>();
        hint.map(ModelAliases.Hint::model).ifPresent(model -> context.put("model", model));
        RequestHints hints = new RequestHints(hint.map(ModelAliases.Hint::provider).orElse(null),
                hint.map(ModelAliases.Hint::tier).orElse(null), false, null, priority, deadline, context);
        GenerationOptions options = options();
        return new Submission(null, null, TaskType.CHAT, chat, streamed() ? options.streamed() : options, hints, null,
                null);
    }

    private GenerationOptions options() {
        if (maxTokens != null && maxCompletionTokens != null && !maxTokens.equals(maxCompletionTokens)) {
            throw new InvalidMessageException("max_tokens",
                    "differs from max_completion_tokens; send one (max_tokens is OpenAI's older name for it)");
        }
        if (user != null && safetyIdentifier != null && !user.equals(safetyIdentifier)) {
            throw new InvalidMessageException("safety_identifier",
                    "differs from user; both name the end user here, send one");
        }
        return new GenerationOptions(maxCompletionTokens != null ? maxCompletionTokens : maxTokens, temperature, topP,
                OpenAiTools.stop(stop), seed, presencePenalty, frequencyPenalty, user != null ? user : safetyIdentifier,
                OpenAiTools.tools(tools), OpenAiTools.toolChoice(toolChoice), parallelToolCalls,
                OpenAiTools.responseFormat(responseFormat));
    }
}
