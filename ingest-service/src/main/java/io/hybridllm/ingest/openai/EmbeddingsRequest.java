package io.hybridllm.ingest.openai;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

import io.hybridllm.contracts.EmbedInputs;
import io.hybridllm.contracts.GenerationOptions;
import io.hybridllm.contracts.Priority;
import io.hybridllm.contracts.RequestHints;
import io.hybridllm.contracts.TaskType;
import io.hybridllm.contracts.http.Submission;
import io.hybridllm.contracts.json.InvalidMessageException;

/**
 * An OpenAI embeddings request ({@code POST /v1/embeddings}), turned into an embed submission. Every field OpenAI
 * documents is taken: {@code input} (a string or an array of strings; token arrays are refused by name), {@code model},
 * {@code encoding_format} ({@code float} or {@code base64}), {@code dimensions} (passed to the targets, which fail over
 * when they cannot give that length) and {@code user} (recorded as the end user). Unknown fields are refused (the body
 * is read strictly).
 */
public record EmbeddingsRequest(String model, JsonNode input, String encodingFormat, Integer dimensions, String user) {

    /** Whether the vectors go back as base64 float32 rather than numbers. */
    public boolean base64() {
        return "base64".equals(encodingFormat);
    }

    public Submission toSubmission(Optional<ModelAliases.Hint> hint) {
        if (encodingFormat != null && !encodingFormat.equals("float") && !encodingFormat.equals("base64")) {
            throw new InvalidMessageException("encoding_format", "must be float or base64");
        }
        List<String> texts = texts();
        try {
            EmbedInputs.check(TaskType.EMBED, texts, dimensions);
        } catch (InvalidMessageException e) {
            throw new InvalidMessageException(e.field().equals("inputs") ? "input" : e.field(), e.reason());
        }
        RequestHints hints = new RequestHints(hint.map(ModelAliases.Hint::provider).orElse(null),
                hint.map(ModelAliases.Hint::tier).orElse(null), false, null, Priority.INTERACTIVE, null,
                hint.map(ModelAliases.Hint::model).map(m -> Map.of("model", m)).orElse(Map.of()));
        GenerationOptions options = new GenerationOptions(null, null, null, null, null, null, null, user, null, null,
                null, null, false);
        return new Submission(null, null, TaskType.EMBED, null, options, hints, null, null, texts, dimensions);
    }

    private List<String> texts() {
        if (input == null || input.isNull()) {
            throw new InvalidMessageException("input", "is required: a string or an array of strings");
        }
        if (input.isTextual()) {
            return List.of(input.asText());
        }
        if (!input.isArray()) {
            throw new InvalidMessageException("input", "must be a string or an array of strings");
        }
        List<String> texts = new ArrayList<>(input.size());
        for (JsonNode text : input) {
            if (text.isNumber() || text.isArray()) {
                // Token ids belong to one tokenizer; the model that answers is chosen later and may count otherwise.
                throw new InvalidMessageException("input", "token arrays are not accepted here: send the texts, "
                        + "since the model that embeds them is chosen by routing and has its own tokenizer");
            }
            if (!text.isTextual()) {
                throw new InvalidMessageException("input", "must be a string or an array of strings");
            }
            texts.add(text.asText());
        }
        return texts;
    }
}
