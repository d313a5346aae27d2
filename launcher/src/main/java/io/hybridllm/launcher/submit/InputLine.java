package io.hybridllm.launcher.submit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import io.hybridllm.contracts.ChatMessage;
import io.hybridllm.contracts.GenerationOptions;
import io.hybridllm.contracts.LlmRequest;
import io.hybridllm.contracts.Priority;
import io.hybridllm.contracts.RequestHints;
import io.hybridllm.contracts.Role;
import io.hybridllm.contracts.SchemaVersion;
import io.hybridllm.contracts.Tier;
import io.hybridllm.contracts.http.Submission;
import io.hybridllm.contracts.json.InvalidMessageException;
import io.hybridllm.contracts.json.Json;

/**
 * One line of a file to submit, as a request of the job: either the native format (a {@code POST /v1/requests} body) or
 * OpenAI's batch line ({@code custom_id}, {@code method}, {@code url}, {@code body}: a chat completion request). The
 * request id is the job's id and the line number, so a resumed run gives a line the same id.
 */
final class InputLine {

    private InputLine() {
    }

    /** The request of line {@code number}; an {@link IllegalArgumentException} saying why the line is none. */
    static LlmRequest parse(String text, int number, String tenant, String jobId) {
        String id = jobId + "-" + number;
        JsonNode line;
        try {
            line = Json.mapper().readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException("not JSON: " + e.getMessage().lines().findFirst().orElse(""));
        }
        if (line == null || !line.isObject()) {
            throw new IllegalArgumentException("not a JSON object");
        }
        try {
            LlmRequest request = line.has("custom_id") ? openAi(line, id, tenant) : nativeLine(text, id, tenant);
            if (request.tenant() != null && !request.tenant().equals(tenant)) {
                throw new IllegalArgumentException(
                        "tenant: is " + request.tenant() + ", but this job submits for " + tenant + " (--tenant)");
            }
            return withDefaults(request, jobId);
        } catch (InvalidMessageException e) {
            throw new IllegalArgumentException(e.getMessage());
        }
    }

    private static LlmRequest nativeLine(String text, String id, String tenant) {
        Submission submission = Json.readStrict(text, Submission.class);
        if (submission.replyTo() != null) {
            throw new IllegalArgumentException("reply_to: is set by hybrid submit (the job's reply topic)");
        }
        LlmRequest request = submission.toRequest(id);
        return submission.tenant() == null ? retenant(request, tenant) : request;
    }

    private static LlmRequest openAi(JsonNode line, String id, String tenant) {
        if (!"/v1/chat/completions".equals(line.path("url").asText())) {
            throw new IllegalArgumentException(
                    "url: only /v1/chat/completions is supported, not '" + line.path("url").asText() + "'");
        }
        JsonNode body = line.path("body");
        List<ChatMessage> messages = new ArrayList<>();
        for (JsonNode message : body.path("messages")) {
            messages.add(new ChatMessage(role(message.path("role").asText()), content(message.path("content"))));
        }
        JsonNode maxTokens = body.has("max_completion_tokens") ? body.get("max_completion_tokens")
                : body.get("max_tokens");
        GenerationOptions options = new GenerationOptions(maxTokens == null ? null : maxTokens.asInt(),
                body.has("temperature") ? body.get("temperature").asDouble() : null);
        return new LlmRequest(SchemaVersion.CURRENT, id, tenant, null, null, messages, options,
                hints(body.path("model").asText("auto")), null, null, Instant.now(), List.of());
    }

    /** {@code auto}, a tier, or {@code provider/model}, as ingest reads an OpenAI {@code model}. */
    private static RequestHints hints(String model) {
        if (model.isEmpty() || model.equals("auto")) {
            return new RequestHints(null, null, false, null, Priority.BATCH, null, null);
        }
        int slash = model.indexOf('/');
        if (slash > 0 && slash < model.length() - 1) {
            return new RequestHints(model.substring(0, slash), null, false, null, Priority.BATCH, null,
                    Map.of("model", model.substring(slash + 1)));
        }
        try {
            return new RequestHints(null, Tier.ofWireName(model), false, null, Priority.BATCH, null, null);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("body.model: '" + model
                    + "' is not auto, a tier (local-fast, local-quality, cloud) or provider/model");
        }
    }

    private static Role role(String role) {
        return switch (role) {
            case "system", "developer" -> Role.SYSTEM;
            case "user" -> Role.USER;
            case "assistant" -> Role.ASSISTANT;
            case "tool" -> Role.TOOL;
            default -> throw new IllegalArgumentException("body.messages[].role: '" + role + "' is not a chat role");
        };
    }

    private static String content(JsonNode content) {
        if (content.isTextual()) {
            return content.asText();
        }
        StringBuilder text = new StringBuilder();
        for (JsonNode part : content) {
            if (!"text".equals(part.path("type").asText())) {
                throw new IllegalArgumentException("body.messages[].content: only text parts are supported");
            }
            text.append(part.path("text").asText());
        }
        return text.toString();
    }

    /** Batch priority unless the line gives hints, as ingest does for batches. */
    private static LlmRequest withDefaults(LlmRequest request, String jobId) {
        boolean noHints = request.hints() == RequestHints.NONE;
        return new LlmRequest(request.schemaVersion(), request.id(), request.tenant(),
                request.jobId() != null ? request.jobId() : jobId, request.taskType(), request.messages(),
                request.options(),
                noHints ? new RequestHints(null, null, false, null, Priority.BATCH, null, null) : request.hints(), null,
                request.callbackUrl(), request.submittedAt(), request.attempts());
    }

    private static LlmRequest retenant(LlmRequest request, String tenant) {
        return new LlmRequest(request.schemaVersion(), request.id(), tenant, request.jobId(), request.taskType(),
                request.messages(), request.options(), request.hints(), request.replyTo(), request.callbackUrl(),
                request.submittedAt(), request.attempts());
    }
}
