package io.hybridllm.testkit.simulators;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;

import io.hybridllm.testkit.support.FreePorts;

/**
 * Speaks OpenAI's chat completions API as documented: {@code POST /v1/chat/completions} with {@code usage},
 * {@code GET /v1/models}, bearer-key checks, OpenAI's {@code {"error": {...}}} bodies (401 invalid_api_key echoing the
 * masked key, 429 rate_limit_exceeded with {@code x-ratelimit-*} headers, 400 context_length_exceeded, 5xx
 * server_error) and {@code finish_reason: content_filter}. It also stands in for Mistral, xAI and OpenAI-compatible
 * servers.
 */
public final class OpenAiSimulator extends CloudSimulator {

    private final List<String> models;

    private OpenAiSimulator(int port, Duration latency, List<String> models, String apiKey) {
        super(port, latency, apiKey);
        this.models = List.copyOf(models);
        route("/v1/models", (exchange, body) -> authorized(exchange, this::models));
        route("/v1/chat/completions", (exchange, body) -> authorized(exchange, () -> chat(body)));
        route("/v1/embeddings", (exchange, body) -> authorized(exchange, () -> embeddings(body)));
        start();
    }

    /** A simulator that requires {@code apiKey} as bearer token, or none when it is null. */
    public static OpenAiSimulator start(Duration latency, List<String> models, String apiKey) {
        return start(FreePorts.next(), latency, models, apiKey);
    }

    public static OpenAiSimulator start(int port, Duration latency, List<String> models, String apiKey) {
        return new OpenAiSimulator(port, latency, models, apiKey);
    }

    @Override
    protected String presentedKey(HttpExchange exchange) {
        return bearer(exchange);
    }

    @Override
    protected Response unauthorized(String presented) {
        String message = presented == null
                ? "You didn't provide an API key. You need to provide your API key in an Authorization header."
                : "Incorrect API key provided: " + masked(presented)
                        + ". You can find your API key at https://platform.openai.com/account/api-keys.";
        return new Response(401, Map.of(), error(message, "invalid_request_error", "invalid_api_key"));
    }

    private Response models() {
        ObjectNode root = object().put("object", "list");
        ArrayNode data = root.putArray("data");
        models.forEach(model -> data.addObject().put("id", model).put("object", "model").put("created", 1_700_000_000L)
                .put("owned_by", "simulator"));
        return Response.ok(root);
    }

    private Response chat(JsonNode body) throws InterruptedException {
        if (body == null || !body.path("model").isTextual() || !body.path("messages").isArray()
                || body.get("messages").isEmpty()) {
            return new Response(400, Map.of(), errorBody(400, "'messages' and 'model' are required properties."));
        }
        String model = body.get("model").asText();
        if (!models.contains(model)) {
            return new Response(404, Map.of(), errorBody(404, "The model `" + model + "` does not exist."));
        }
        ObjectNode answer;
        try {
            answer = completion(model, body);
        } catch (SeenContent.Refused e) {
            return new Response(400, Map.of(), errorBody(400, e.getMessage()));
        }
        return StreamedAnswers.streamedIf(body.path("stream").asBoolean(false), answering(Response.ok(answer)),
                completion -> StreamedAnswers.openAi(body, completion));
    }

    /**
     * {@code POST /v1/embeddings}: {@code input} a string or an array of strings, numbers or (for
     * {@code encoding_format: "base64"}) base64 float32, {@code dimensions} honoured, an input beyond the window
     * refused as OpenAI does.
     */
    private Response embeddings(JsonNode body) throws InterruptedException {
        List<String> texts = body == null ? null : SimulatedEmbeddings.texts(body.path("input"));
        if (texts == null || !body.path("model").isTextual()) {
            return new Response(400, Map.of(), errorBody(400, "'input' and 'model' are required properties."));
        }
        String model = body.get("model").asText();
        if (!models.contains(model)) {
            return new Response(404, Map.of(), errorBody(404, "The model `" + model + "` does not exist."));
        }
        int over = SimulatedEmbeddings.overLong(texts);
        if (over > 0) {
            return new Response(400, Map.of(),
                    error("This model's maximum context length is " + SimulatedEmbeddings.CONTEXT_TOKENS
                            + " tokens, however you requested " + over + " tokens. Please reduce your prompt.",
                            "invalid_request_error", null));
        }
        return answering(Response.ok(SimulatedEmbeddings.openAi(model, texts,
                body.path("dimensions").asInt(SimulatedEmbeddings.DEFAULT_DIMENSIONS),
                "base64".equals(body.path("encoding_format").asText()))));
    }

    /**
     * As OpenAI answers the request's options: a tool call when {@code tool_choice} requires one (of the named
     * function, or the first tool), JSON when {@code response_format} asks for it, and {@code finish_reason: length}
     * with the answer cut when the token budget is smaller than the answer.
     */
    static ObjectNode completion(String model, JsonNode body) {
        ObjectNode reply = completion(model, body.get("messages"), "stop");
        ObjectNode choice = (ObjectNode) reply.path("choices").get(0);
        ObjectNode message = (ObjectNode) choice.get("message");
        JsonNode choiceOption = body.path("tool_choice");
        boolean required = "required".equals(choiceOption.asText()) || choiceOption.isObject();
        if (required && body.path("tools").isArray() && !body.path("tools").isEmpty()) {
            String name = choiceOption.isObject() ? choiceOption.path("function").path("name").asText()
                    : body.path("tools").get(0).path("function").path("name").asText();
            message.putNull("content");
            ObjectNode call = message.putArray("tool_calls").addObject().put("id", "call_" + UUID.randomUUID())
                    .put("type", "function");
            call.putObject("function").put("name", name).put("arguments", "{}");
            choice.put("finish_reason", "tool_calls");
            return reply;
        }
        String type = body.path("response_format").path("type").asText("text");
        if (!type.equals("text")) {
            message.put("content", RequestedAnswer.asJson(message.path("content").asText()));
        }
        int budget = body.path("max_completion_tokens").asInt(body.path("max_tokens").asInt(0));
        String content = message.path("content").asText();
        if (RequestedAnswer.overBudget(content, budget)) {
            message.put("content", RequestedAnswer.cut(content, budget));
            choice.put("finish_reason", "length");
            ObjectNode usage = (ObjectNode) reply.get("usage");
            usage.put("completion_tokens", budget).put("total_tokens", usage.path("prompt_tokens").asInt() + budget);
        }
        return reply;
    }

    /** A chat completion answering the last user message, with usage; shared with the Azure simulator. */
    static ObjectNode completion(String model, JsonNode messages, String finishReason) {
        StringBuilder prompt = new StringBuilder();
        String lastUser = "";
        for (JsonNode message : messages) {
            String content = SeenContent.openAi(message.path("content"));
            prompt.append(content).append('\n');
            if ("user".equals(message.path("role").asText())) {
                lastUser = content;
            }
        }
        String answer = "content_filter".equals(finishReason) ? null : answerFor(model, lastUser);
        int promptTokens = tokens(prompt.toString());
        int completionTokens = answer == null ? 0 : tokens(answer);
        ObjectNode reply = object().put("id", "chatcmpl-" + UUID.randomUUID()).put("object", "chat.completion")
                .put("created", Instant.now().getEpochSecond()).put("model", model);
        ObjectNode choice = reply.putArray("choices").addObject().put("index", 0);
        choice.putObject("message").put("role", "assistant").put("content", answer);
        choice.put("finish_reason", finishReason);
        reply.putObject("usage").put("prompt_tokens", promptTokens).put("completion_tokens", completionTokens)
                .put("total_tokens", promptTokens + completionTokens);
        return reply;
    }

    @Override
    protected Response trouble(Trouble trouble) {
        return switch (trouble) {
            case UNAUTHORIZED -> unauthorized("sk-simulated-wrong-key");
            // OpenAI's 429 carries the state of every limit; here the request limit is used up.
            case RATE_LIMITED -> new Response(429,
                    Map.of("x-ratelimit-limit-requests", "500", "x-ratelimit-remaining-requests", "0",
                            "x-ratelimit-reset-requests", "1.5s", "x-ratelimit-remaining-tokens", "19000",
                            "x-ratelimit-reset-tokens", "6m0s"),
                    error("Rate limit reached for requests per min (RPM): Limit 500, Used 500, Requested 1.",
                            "requests", "rate_limit_exceeded"));
            case OVERLOADED -> new Response(503, Map.of(),
                    error("The engine is currently overloaded, please try again later", "server_error", null));
            case SERVER_ERROR -> new Response(500, Map.of(),
                    errorBody(500, "The server had an error while processing your request. Sorry about that!"));
            case CONTEXT_TOO_LONG -> new Response(400, Map.of(),
                    error("This model's maximum context length is 128000 tokens. However, your messages resulted in "
                            + "130000 tokens. Please reduce the length of the messages.", "invalid_request_error",
                            "context_length_exceeded"));
            case CONTENT_FILTERED ->
                    Response.ok(completion(models.getFirst(), JsonNodeFactory.instance.arrayNode(), "content_filter"));
        };
    }

    @Override
    protected JsonNode errorBody(int status, String message) {
        return switch (status) {
            case 401 -> error(message, "invalid_request_error", "invalid_api_key");
            case 429 -> error(message, "requests", "rate_limit_exceeded");
            case 404 -> error(message, "invalid_request_error", "model_not_found");
            case 400 -> error(message, "invalid_request_error", null);
            default -> error(message, "server_error", null);
        };
    }

    /** OpenAI's error body, which Azure shares. */
    static ObjectNode error(String message, String type, String code) {
        ObjectNode root = object();
        ObjectNode error = root.putObject("error").put("message", message).put("type", type);
        error.putNull("param");
        if (code == null) {
            error.putNull("code");
        } else {
            error.put("code", code);
        }
        return root;
    }
}
