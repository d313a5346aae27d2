package io.hybridllm.worker.core.provider;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.hybridllm.contracts.ChatMessage;
import io.hybridllm.contracts.ErrorInfo.ErrorCode;
import io.hybridllm.contracts.FinishReason;
import io.hybridllm.contracts.GenerationOptions;
import io.hybridllm.contracts.LlmRequest;
import io.hybridllm.contracts.ResponseFormat;
import io.hybridllm.contracts.TokenUsage;
import io.hybridllm.contracts.Tool;
import io.hybridllm.contracts.ToolCall;
import io.hybridllm.contracts.ToolChoice;
import io.hybridllm.contracts.json.Json;
import io.hybridllm.worker.core.CallResult;
import io.hybridllm.worker.core.CallResult.Answered;
import io.hybridllm.worker.core.provider.stream.CohereStream;
import io.hybridllm.worker.core.provider.stream.StreamReader;

/**
 * Cohere's v2 chat ({@code POST /v2/chat}, bearer key): OpenAI-like messages, an answer made of content parts, usage as
 * {@code billed_units} and {@code tokens}, and {@code {"message": "..."}} errors.
 */
final class CohereFormat implements WireFormat {

    private final ProviderSettings settings;

    CohereFormat(ProviderSettings settings) {
        this.settings = settings;
    }

    @Override
    public HttpRequest.Builder chat(String model, LlmRequest request, ApiKey key) {
        return authorized(Wire.post(URI.create(settings.baseUrl() + "/v2/chat"), body(model, request)), key);
    }

    @Override
    public HttpRequest.Builder stream(String model, LlmRequest request, ApiKey key) {
        return authorized(
                Wire.post(URI.create(settings.baseUrl() + "/v2/chat"), body(model, request).put("stream", true)), key);
    }

    @Override
    public StreamReader streamReader() {
        return new CohereStream(settings.name());
    }

    private static HttpRequest.Builder authorized(HttpRequest.Builder request, ApiKey key) {
        return key == null ? request : request.header("Authorization", "Bearer " + key.secret());
    }

    ObjectNode body(String model, LlmRequest request) {
        ObjectNode body = Json.mapper().createObjectNode().put("model", model).put("stream", false);
        ArrayNode messages = body.putArray("messages");
        for (ChatMessage message : request.messages()) {
            String role = switch (message.role()) {
                case SYSTEM -> "system";
                case ASSISTANT -> "assistant";
                case USER -> "user";
                // Without the id of its tool call, a tool result is something the user supplies.
                case TOOL -> message.toolCallId() == null ? "user" : "tool";
            };
            messages.add(OpenAiShapes.message(message, role));
        }
        Wire.putMaxTokens(body, "max_tokens", request, settings);
        Wire.putTemperature(body, request, 1.0);
        GenerationOptions options = request.options();
        Wire.put(body, "p", options.topP());
        if (options.stop() != null) {
            options.stop().forEach(body.withArray("stop_sequences")::add);
        }
        Wire.put(body, "seed", options.seed());
        Wire.put(body, "presence_penalty", options.presencePenalty());
        Wire.put(body, "frequency_penalty", options.frequencyPenalty());
        putTools(body, options);
        if (options.wantsJson()) {
            ObjectNode format = body.putObject("response_format").put("type", "json_object");
            if (options.responseFormat().type() == ResponseFormat.Type.JSON_SCHEMA) {
                format.set("json_schema", options.responseFormat().schema());
            }
        }
        return body;
    }

    /**
     * Cohere's {@code tool_choice} is only {@code REQUIRED} or {@code NONE} (auto when absent): a named function is the
     * only tool offered, and required.
     */
    private static void putTools(ObjectNode body, GenerationOptions options) {
        if (options.tools() == null) {
            return;
        }
        ToolChoice choice = options.toolChoice() == null ? ToolChoice.AUTO : options.toolChoice();
        List<Tool> offered = choice.mode() != ToolChoice.Mode.FUNCTION ? options.tools()
                : options.tools().stream().filter(tool -> tool.name().equals(choice.name())).toList();
        body.set("tools", OpenAiShapes.tools(offered, false));
        switch (choice.mode()) {
            case REQUIRED, FUNCTION -> body.put("tool_choice", "REQUIRED");
            case NONE -> body.put("tool_choice", "NONE");
            case AUTO -> {
            }
        }
    }

    /**
     * v2 {@code /v2/embed}: float vectors, the inputs embedded as documents, and {@code truncate: NONE} so that a text
     * too long for the model is refused rather than cut short. {@code output_dimension} is for embed-v4.0 onwards.
     */
    @Override
    public HttpRequest.Builder embed(String model, LlmRequest request, ApiKey key) {
        ObjectNode body = Json.mapper().createObjectNode().put("model", model).put("input_type", "search_document")
                .put("truncate", "NONE");
        request.inputs().forEach(body.putArray("texts")::add);
        body.putArray("embedding_types").add("float");
        Wire.put(body, "output_dimension", request.dimensions());
        return authorized(Wire.post(URI.create(settings.baseUrl() + "/v2/embed"), body), key);
    }

    @Override
    public CallResult embeddings(JsonNode root, LlmRequest request) {
        List<JsonNode> vectors = new ArrayList<>();
        root.path("embeddings").path("float").forEach(vectors::add);
        JsonNode billed = root.path("meta").path("billed_units");
        return EmbeddingReads.fromJson(settings.name(), vectors,
                new TokenUsage(Wire.tokens(billed.path("input_tokens")), 0), request);
    }

    @Override
    public CallResult answer(JsonNode root) {
        String provider = settings.name();
        String finish = root.path("finish_reason").asText("");
        if (finish.equals("ERROR") || finish.equals("TIMEOUT")) {
            return Wire.failed(finish.equals("TIMEOUT") ? ErrorCode.TIMEOUT : ErrorCode.PROVIDER_ERROR,
                    provider + " stopped generating: finish_reason " + finish);
        }
        String text = Wire.texts(root.path("message").path("content"));
        List<ToolCall> calls = OpenAiShapes.readToolCalls(root.path("message").path("tool_calls"));
        if (text == null && calls == null) {
            return Wire.failed(ErrorCode.PROVIDER_ERROR, provider + " answered without text content");
        }
        // billed_units are what the invoice counts; tokens add Cohere's own prompt template on top.
        JsonNode usage = root.path("usage").path("billed_units");
        if (!usage.isObject()) {
            usage = root.path("usage").path("tokens");
        }
        // COMPLETE and STOP_SEQUENCE end the answer; MAX_TOKENS cuts it; TOOL_CALL asks for calls.
        FinishReason reason = calls != null ? FinishReason.TOOL_CALLS
                : finish.equals("MAX_TOKENS") ? FinishReason.LENGTH : FinishReason.STOP;
        return new Answered(text == null ? "" : text,
                new TokenUsage(Wire.tokens(usage.path("input_tokens")), Wire.tokens(usage.path("output_tokens"))),
                reason, calls);
    }

    @Override
    public ProviderError error(int status, JsonNode root, String body) {
        String text = ErrorBodies.text(root, body);
        // "too many tokens: max tokens must be less than or equal to 4096" is about the answer budget, not the prompt.
        ErrorCode code = text.contains("max tokens must") ? ErrorCode.INVALID_REQUEST
                : ErrorBodies.classify(status, root, text);
        return new ProviderError(code, "", text);
    }

    @Override
    public HttpRequest.Builder models(ApiKey key) {
        return authorized(HttpRequest.newBuilder(URI.create(settings.baseUrl() + "/v1/models")).GET(), key);
    }

    @Override
    public List<String> modelIds(JsonNode root) {
        return Wire.ids(root.path("models"), "name");
    }
}
