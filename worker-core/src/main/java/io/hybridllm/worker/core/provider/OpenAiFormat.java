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
import io.hybridllm.contracts.ProviderKind;
import io.hybridllm.contracts.TokenUsage;
import io.hybridllm.contracts.ToolCall;
import io.hybridllm.contracts.json.Json;
import io.hybridllm.worker.core.CallResult;
import io.hybridllm.worker.core.CallResult.Answered;
import io.hybridllm.worker.core.provider.stream.OpenAiStream;
import io.hybridllm.worker.core.provider.stream.StreamReader;

/**
 * OpenAI's chat completions ({@code POST {base}/chat/completions}, bearer key), which Mistral, xAI and
 * OpenAI-compatible servers speak too. Their error bodies differ, so errors are read by {@link OpenAiErrors}.
 */
class OpenAiFormat implements WireFormat {

    protected final ProviderSettings settings;
    private final String maxTokensField;

    OpenAiFormat(ProviderSettings settings, String maxTokensField) {
        this.settings = settings;
        this.maxTokensField = maxTokensField;
    }

    @Override
    public HttpRequest.Builder chat(String model, LlmRequest request, ApiKey key) {
        return authorized(Wire.post(chatUri(model), body(model, request)), key);
    }

    /** Usage comes on a last chunk only when asked for; Mistral sends it unasked and knows no stream_options. */
    @Override
    public HttpRequest.Builder stream(String model, LlmRequest request, ApiKey key) {
        ObjectNode body = body(model, request).put("stream", true);
        if (settings.kind() != ProviderKind.MISTRAL) {
            body.putObject("stream_options").put("include_usage", true);
        }
        return authorized(Wire.post(chatUri(model), body), key);
    }

    @Override
    public StreamReader streamReader() {
        return new OpenAiStream(settings.name());
    }

    protected URI chatUri(String model) {
        return URI.create(settings.baseUrl() + "/chat/completions");
    }

    protected URI embeddingsUri(String model) {
        return URI.create(settings.baseUrl() + "/embeddings");
    }

    /**
     * OpenAI's {@code /embeddings}: base64 float32 from OpenAI and Azure (a third of the bytes of numbers as text);
     * numbers from the others, which do not all know base64. Mistral names the length {@code output_dimension}.
     */
    @Override
    public HttpRequest.Builder embed(String model, LlmRequest request, ApiKey key) {
        ObjectNode body = Json.mapper().createObjectNode();
        if (modelInBody()) {
            body.put("model", model);
        }
        request.inputs().forEach(body.putArray("input")::add);
        boolean mistral = settings.kind() == ProviderKind.MISTRAL;
        boolean base64 = settings.kind() == ProviderKind.OPENAI || settings.kind() == ProviderKind.AZURE_OPENAI;
        body.put("encoding_format", base64 ? "base64" : "float");
        Wire.put(body, mistral ? "output_dimension" : "dimensions", request.dimensions());
        if (!mistral && request.options().endUser() != null) {
            body.put("user", request.options().endUser());
        }
        return authorized(Wire.post(embeddingsUri(model), body), key);
    }

    @Override
    public CallResult embeddings(JsonNode root, LlmRequest request) {
        List<JsonNode> vectors = new ArrayList<>();
        root.path("data").forEach(item -> vectors.add(item.path("embedding")));
        return EmbeddingReads.fromJson(settings.name(), vectors,
                new TokenUsage(Wire.tokens(root.path("usage").path("prompt_tokens")), 0), request);
    }

    protected URI modelsUri() {
        return URI.create(settings.baseUrl() + "/models");
    }

    protected HttpRequest.Builder authorized(HttpRequest.Builder request, ApiKey key) {
        return key == null ? request : request.header("Authorization", "Bearer " + key.secret());
    }

    /** Whether the body names the model; Azure takes it from the deployment in the URL. */
    protected boolean modelInBody() {
        return true;
    }

    ObjectNode body(String model, LlmRequest request) {
        ObjectNode body = Json.mapper().createObjectNode();
        if (modelInBody()) {
            body.put("model", model);
        }
        ArrayNode messages = body.putArray("messages");
        for (ChatMessage message : request.messages()) {
            messages.add(
                    OpenAiShapes.message(message, OpenAiShapes.role(message), settings.kind() == ProviderKind.MISTRAL));
        }
        Wire.putMaxTokens(body, maxTokensField, request, settings);
        Wire.putTemperature(body, request, 2.0);
        putOptions(body, request.options());
        return body;
    }

    /**
     * The other generation fields. Mistral names the seed {@code random_seed}, calls a required tool call {@code any}
     * and takes no {@code user}.
     */
    private void putOptions(ObjectNode body, GenerationOptions options) {
        boolean mistral = settings.kind() == ProviderKind.MISTRAL;
        Wire.put(body, "top_p", options.topP());
        if (options.stop() != null) {
            options.stop().forEach(body.withArray("stop")::add);
        }
        Wire.put(body, mistral ? "random_seed" : "seed", options.seed());
        Wire.put(body, "presence_penalty", options.presencePenalty());
        Wire.put(body, "frequency_penalty", options.frequencyPenalty());
        if (!mistral && options.endUser() != null) {
            body.put("user", options.endUser());
        }
        if (options.tools() != null) {
            body.set("tools", OpenAiShapes.tools(options.tools(), !mistral));
            if (options.toolChoice() != null) {
                body.set("tool_choice", OpenAiShapes.toolChoice(options, mistral ? "any" : "required"));
            }
            if (options.parallelToolCalls() != null) {
                body.put("parallel_tool_calls", options.parallelToolCalls());
            }
        }
        if (options.responseFormat() != null) {
            body.set("response_format", OpenAiShapes.responseFormat(options.responseFormat()));
        }
    }

    @Override
    public CallResult answer(JsonNode root) {
        String provider = settings.name();
        JsonNode choices = root.path("choices");
        if (!choices.isArray() || choices.isEmpty()) {
            return Wire.failed(ErrorCode.PROVIDER_ERROR, provider + " answered without choices");
        }
        JsonNode choice = choices.get(0);
        JsonNode message = choice.path("message");
        String finish = choice.path("finish_reason").asText("");
        if ("content_filter".equals(finish)) {
            return Wire.failed(ErrorCode.CONTENT_FILTERED,
                    provider + " withheld the answer: finish_reason content_filter");
        }
        List<ToolCall> calls = OpenAiShapes.readToolCalls(message.path("tool_calls"));
        if (!message.path("content").isTextual() && calls == null) {
            if (message.path("refusal").isTextual()) {
                return Wire.failed(ErrorCode.CONTENT_FILTERED,
                        "the model refused to answer: " + ErrorBodies.snippet(message.get("refusal").asText()));
            }
            return Wire.failed(ErrorCode.PROVIDER_ERROR, provider + " answered without choices[0].message.content");
        }
        JsonNode usage = root.path("usage");
        return new Answered(message.path("content").asText(""),
                new TokenUsage(Wire.tokens(usage.path("prompt_tokens")), Wire.tokens(usage.path("completion_tokens"))),
                finishReason(finish, calls), calls);
    }

    /**
     * OpenAI's {@code stop}, {@code length}, {@code tool_calls}; Mistral's {@code model_length} and {@code error}; vLLM
     * and llama.cpp use OpenAI's. Tool calls make it {@code tool_calls} whatever a server said.
     */
    static FinishReason finishReason(String finish, List<ToolCall> calls) {
        if (calls != null) {
            return FinishReason.TOOL_CALLS;
        }
        return switch (finish) {
            case "length", "model_length" -> FinishReason.LENGTH;
            default -> FinishReason.STOP;
        };
    }

    @Override
    public ProviderError error(int status, JsonNode root, String body) {
        return OpenAiErrors.read(status, root, body);
    }

    @Override
    public HttpRequest.Builder models(ApiKey key) {
        return authorized(HttpRequest.newBuilder(modelsUri()).GET(), key);
    }

    @Override
    public List<String> modelIds(JsonNode root) {
        return Wire.ids(root.path("data"), "id");
    }
}
