package io.hybridllm.testkit.simulators;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;

import io.hybridllm.testkit.support.FreePorts;

/**
 * Speaks OpenAI's chat completions API as documented: {@code POST /v1/chat/completions} with {@code usage},
 * {@code GET /v1/models}, bearer-key checks, and OpenAI's {@code {"error": {...}}} bodies (401 invalid_api_key, 429
 * rate_limit_exceeded, 5xx server_error). It also stands in for OpenAI-compatible local servers.
 */
public final class OpenAiSimulator extends ProviderSimulator {

    private final List<String> models;
    private final String apiKey;

    private OpenAiSimulator(int port, Duration latency, List<String> models, String apiKey) {
        super(port, latency);
        this.models = List.copyOf(models);
        this.apiKey = apiKey;
        route("/v1/models", (exchange, body) -> authorized(exchange, this::models));
        route("/v1/chat/completions", (exchange, body) -> authorized(exchange, () -> chat(body)));
        start();
    }

    /** A simulator that requires {@code apiKey} as bearer token, or none when it is null. */
    public static OpenAiSimulator start(Duration latency, List<String> models, String apiKey) {
        return start(FreePorts.next(), latency, models, apiKey);
    }

    public static OpenAiSimulator start(int port, Duration latency, List<String> models, String apiKey) {
        return new OpenAiSimulator(port, latency, models, apiKey);
    }

    @FunctionalInterface
    private interface Answer {
        Response get() throws Exception;
    }

    private Response authorized(HttpExchange exchange, Answer answer) throws Exception {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        if (apiKey != null && !("Bearer " + apiKey).equals(authorization)) {
            return new Response(401, Map.of(), errorBody(401, "Incorrect API key provided."));
        }
        return answer.get();
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
        StringBuilder prompt = new StringBuilder();
        String lastUser = "";
        for (JsonNode message : body.get("messages")) {
            prompt.append(message.path("content").asText()).append('\n');
            if ("user".equals(message.path("role").asText())) {
                lastUser = message.path("content").asText();
            }
        }
        String answer = answerFor(model, lastUser);
        int promptTokens = tokens(prompt.toString());
        int completionTokens = tokens(answer);
        ObjectNode reply = object().put("id", "chatcmpl-" + UUID.randomUUID()).put("object", "chat.completion")
                .put("created", Instant.now().getEpochSecond()).put("model", model);
        ObjectNode choice = reply.putArray("choices").addObject().put("index", 0);
        choice.putObject("message").put("role", "assistant").put("content", answer);
        choice.put("finish_reason", "stop");
        reply.putObject("usage").put("prompt_tokens", promptTokens).put("completion_tokens", completionTokens)
                .put("total_tokens", promptTokens + completionTokens);
        return answering(Response.ok(reply));
    }

    @Override
    protected JsonNode errorBody(int status, String message) {
        String type = switch (status) {
            case 401 -> "invalid_request_error";
            case 429 -> "requests";
            case 400, 404 -> "invalid_request_error";
            default -> "server_error";
        };
        String code = switch (status) {
            case 401 -> "invalid_api_key";
            case 429 -> "rate_limit_exceeded";
            case 404 -> "model_not_found";
            default -> null;
        };
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
