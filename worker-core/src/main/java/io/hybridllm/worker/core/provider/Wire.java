package io.hybridllm.worker.core.provider;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.hybridllm.contracts.ChatMessage;
import io.hybridllm.contracts.ErrorInfo;
import io.hybridllm.contracts.ErrorInfo.ErrorCode;
import io.hybridllm.contracts.LlmRequest;
import io.hybridllm.contracts.Role;
import io.hybridllm.contracts.json.Json;
import io.hybridllm.worker.core.CallResult.Failed;

/** What the wire formats have in common: splitting the conversation, bounding options, reading text and tokens. */
final class Wire {

    /** The system messages as one text, for providers that take the system prompt apart from the turns. */
    static String system(LlmRequest request) {
        return request.messages().stream().filter(message -> message.role() == Role.SYSTEM).map(ChatMessage::content)
                .collect(Collectors.joining("\n\n"));
    }

    /** The conversation without its system messages. */
    static List<ChatMessage> turns(LlmRequest request) {
        return request.messages().stream().filter(message -> message.role() != Role.SYSTEM).toList();
    }

    /**
     * Sets the request's temperature, if it has one. Ours runs from 0 to 2 as OpenAI's does; providers whose scale ends
     * at 1 get their most random setting for anything above, instead of refusing the request.
     */
    static void putTemperature(ObjectNode target, LlmRequest request, double max) {
        Double temperature = request.options().temperature();
        if (temperature != null) {
            target.put("temperature", Math.min(temperature, max));
        }
    }

    /** Sets the answer budget under the provider's name for it: the request's, within the provider's limit. */
    static void putMaxTokens(ObjectNode target, String field, LlmRequest request, ProviderSettings settings) {
        Integer tokens = settings.answerTokens(request.options().maxTokens());
        if (tokens != null) {
            target.put(field, tokens);
        }
    }

    /** Sets a number if the request has it. */
    static void put(ObjectNode target, String field, Number value) {
        switch (value) {
            case null -> {
            }
            case Double d -> target.put(field, d);
            case Long l -> target.put(field, l);
            case Integer i -> target.put(field, i);
            default -> target.put(field, value.doubleValue());
        }
    }

    /** The {@code field} of every element of a model list. */
    static List<String> ids(JsonNode list, String field) {
        List<String> ids = new ArrayList<>();
        list.forEach(model -> ids.add(model.path(field).asText()));
        return ids;
    }

    /** A model or deployment name as one path segment. */
    static String segment(String name) {
        return URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
    }

    static HttpRequest.Builder post(URI uri, JsonNode body) {
        return HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Json.write(body)));
    }

    /**
     * The text of content parts ({@code [{"type": "text", "text": "..."}]}, or Gemini's {@code [{"text": "..."}]}),
     * skipping other kinds and Gemini's thoughts; null when there is no text part at all.
     */
    static String texts(JsonNode parts) {
        StringBuilder text = new StringBuilder();
        boolean found = false;
        for (JsonNode part : parts) {
            boolean textual = part.path("text").isTextual() && part.path("type").asText("text").equals("text");
            if (textual && !part.path("thought").asBoolean(false)) {
                text.append(part.get("text").asText());
                found = true;
            }
        }
        return found ? text.toString() : null;
    }

    /** A token count; a missing or negative one counts as zero rather than failing an answer that was paid for. */
    static int tokens(JsonNode count) {
        return Math.max(0, count.asInt(0));
    }

    /** An answer that is no answer: filtered, or not in the documented shape. Redacted by the backend. */
    static Failed failed(ErrorCode code, String message) {
        return new Failed(new ErrorInfo(code, message));
    }

    private Wire() {
    }
}
