package io.hybridllm.ingest.openai;

import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import io.hybridllm.contracts.json.InvalidMessageException;

/**
 * The fields of an OpenAI chat request this gateway cannot honour, refused by name with the reason rather than dropped:
 * an answer that silently ignored them would not be the answer the client asked for.
 */
final class ChatRefusals {

    /** Service tiers that ask for nothing beyond the default. */
    private static final Set<String> DEFAULT_TIERS = Set.of("auto", "default");

    static void check(ChatRequest chat) {
        if (present(chat.streamOptions())) {
            streamOptions(chat);
        }
        if (chat.n() != null && chat.n() != 1) {
            refuse("n", "only one choice is supported; send n requests for n answers");
        }
        if (Boolean.TRUE.equals(chat.logprobs()) || chat.topLogprobs() != null) {
            refuse(chat.topLogprobs() != null ? "top_logprobs" : "logprobs",
                    "log probabilities are not returned: most targets (Anthropic, Gemini, Cohere, local models)"
                            + " have none to give");
        }
        if (present(chat.modalities())
                && !(chat.modalities().size() == 1 && "text".equals(chat.modalities().get(0).asText()))) {
            refuse("modalities", "only text answers are supported: [\"text\"]");
        }
        if (present(chat.audio())) {
            refuse("audio", "audio answers are not supported");
        }
        if (present(chat.logitBias()) && !chat.logitBias().isEmpty()) {
            refuse("logit_bias", "token ids are model-specific, and requests may be answered by any model");
        }
        if (Boolean.TRUE.equals(chat.store()) || present(chat.metadata())) {
            refuse(Boolean.TRUE.equals(chat.store()) ? "store" : "metadata",
                    "completions are not stored with a provider; this gateway keeps its own record"
                            + " (GET /v1/requests/{id})");
        }
        if (chat.serviceTier() != null && !DEFAULT_TIERS.contains(chat.serviceTier())) {
            refuse("service_tier", "only auto or default; the router chooses the target");
        }
        other("reasoning_effort", chat.reasoningEffort() != null, "is not passed to the targets");
        other("verbosity", chat.verbosity() != null, "is not passed to the targets");
        other("prompt_cache_key", chat.promptCacheKey() != null, "is not passed to the targets");
        other("prediction", present(chat.prediction()), "predicted outputs are not supported");
        other("web_search_options", present(chat.webSearchOptions()), "web search is not supported");
        other("functions", present(chat.functions()), "is OpenAI's deprecated form; use tools");
        other("function_call", present(chat.functionCall()), "is OpenAI's deprecated form; use tool_choice");
    }

    /** Only {@code include_usage}, a boolean, and only for a streamed answer. */
    private static void streamOptions(ChatRequest chat) {
        JsonNode options = chat.streamOptions();
        if (!chat.streamed()) {
            refuse("stream_options", "is only allowed when stream is true");
        }
        if (!options.isObject()) {
            refuse("stream_options", "must be an object");
        }
        options.fieldNames().forEachRemaining(name -> {
            if (!name.equals("include_usage")) {
                refuse("stream_options." + name, "is not supported; only include_usage is");
            }
        });
        if (options.has("include_usage") && !options.get("include_usage").isBoolean()) {
            refuse("stream_options.include_usage", "must be true or false");
        }
    }

    private static void other(String field, boolean present, String reason) {
        if (present) {
            refuse(field, reason);
        }
    }

    static boolean present(JsonNode node) {
        return node != null && !node.isNull() && !node.isMissingNode();
    }

    private static void refuse(String field, String reason) {
        throw new InvalidMessageException(field, reason);
    }

    private ChatRefusals() {
    }
}
