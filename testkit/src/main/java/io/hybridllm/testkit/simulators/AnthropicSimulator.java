package io.hybridllm.testkit.simulators;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;

import io.hybridllm.testkit.support.FreePorts;

/**
 * Speaks Anthropic's Messages API as documented: {@code POST /v1/messages} checked for {@code x-api-key},
 * {@code anthropic-version}, a required {@code max_tokens} and user/assistant turns only; {@code GET /v1/models};
 * answers with {@code usage.input_tokens/output_tokens}, {@code stop_reason} and the {@code anthropic-ratelimit-*}
 * headers; errors as {@code {"type": "error", "error": {"type", "message"}}}, including 529 overloaded_error and 429
 * with {@code retry-after}.
 */
public final class AnthropicSimulator extends CloudSimulator {

    private final List<String> models;

    private AnthropicSimulator(int port, Duration latency, List<String> models, String apiKey) {
        super(port, latency, apiKey);
        this.models = List.copyOf(models);
        route("/v1/models", (exchange, body) -> authorized(exchange, this::models));
        route("/v1/messages", (exchange, body) -> authorized(exchange, () -> messages(exchange, body)));
        start();
    }

    public static AnthropicSimulator start(Duration latency, List<String> models, String apiKey) {
        return new AnthropicSimulator(FreePorts.next(), latency, models, apiKey);
    }

    @Override
    protected String presentedKey(HttpExchange exchange) {
        return exchange.getRequestHeaders().getFirst("x-api-key");
    }

    @Override
    protected Response unauthorized(String presented) {
        return new Response(401, Map.of(), errorBody(401, "invalid x-api-key"));
    }

    private Response models() {
        ObjectNode root = object().put("has_more", false);
        ArrayNode data = root.putArray("data");
        models.forEach(model -> data.addObject().put("type", "model").put("id", model).put("display_name", model));
        return Response.ok(root);
    }

    private Response messages(HttpExchange exchange, JsonNode body) throws InterruptedException {
        if (exchange.getRequestHeaders().getFirst("anthropic-version") == null) {
            return new Response(400, Map.of(), errorBody(400, "anthropic-version: header is required"));
        }
        if (body == null || !body.path("max_tokens").isInt()) {
            return new Response(400, Map.of(), errorBody(400, "max_tokens: Field required"));
        }
        if (!body.path("messages").isArray() || body.get("messages").isEmpty()) {
            return new Response(400, Map.of(), errorBody(400, "messages: Field required"));
        }
        String lastUser = "";
        StringBuilder prompt = new StringBuilder(body.path("system").asText());
        for (JsonNode message : body.get("messages")) {
            String role = message.path("role").asText();
            if (!role.equals("user") && !role.equals("assistant")) {
                return new Response(400, Map.of(), errorBody(400, "messages: Unexpected role \"" + role
                        + "\". The Messages API accepts a top-level `system` parameter, not \"system\" as an input "
                        + "message role."));
            }
            String content;
            try {
                content = SeenContent.anthropic(message.path("content"));
            } catch (SeenContent.Refused e) {
                return new Response(400, Map.of(), errorBody(400, "messages: " + e.getMessage()));
            }
            prompt.append('\n').append(content);
            lastUser = role.equals("user") ? content : lastUser;
        }
        String model = body.path("model").asText();
        if (!models.contains(model)) {
            return new Response(404, Map.of(), errorBody(404, "model: " + model));
        }
        return StreamedAnswers.streamedIf(body.path("stream").asBoolean(false),
                answering(new Response(200,
                        Map.of("anthropic-ratelimit-requests-limit", "50", "anthropic-ratelimit-requests-remaining",
                                "49"),
                        answer(model, body, answerFor(model, lastUser), tokens(prompt.toString())))),
                StreamedAnswers::anthropic);
    }

    /**
     * As Anthropic answers the request's options: a {@code tool_use} block with stop_reason {@code tool_use} when
     * {@code tool_choice} is {@code any} (the first tool) or {@code tool} (the named one); JSON when the system prompt
     * asks for it, as Anthropic has no JSON mode; and stop_reason {@code max_tokens} with the answer cut when
     * {@code max_tokens} is smaller than the answer.
     */
    private static ObjectNode answer(String model, JsonNode body, String text, int input) {
        String choice = body.path("tool_choice").path("type").asText("auto");
        JsonNode tools = body.path("tools");
        if ((choice.equals("any") || choice.equals("tool")) && tools.isArray() && !tools.isEmpty()) {
            String name = choice.equals("tool") ? body.path("tool_choice").path("name").asText()
                    : tools.get(0).path("name").asText();
            ObjectNode reply = message(model, null, "tool_use", input, 1);
            ((ArrayNode) reply.get("content")).addObject().put("type", "tool_use")
                    .put("id", "toolu_" + UUID.randomUUID().toString().replace("-", "")).put("name", name)
                    .putObject("input");
            return reply;
        }
        String answer = body.path("system").asText().contains("JSON") ? RequestedAnswer.asJson(text) : text;
        int budget = body.path("max_tokens").asInt();
        if (RequestedAnswer.overBudget(answer, budget)) {
            return message(model, RequestedAnswer.cut(answer, budget), "max_tokens", input, budget);
        }
        return message(model, answer, "end_turn", input, tokens(answer));
    }

    private static ObjectNode message(String model, String text, String stopReason, int input, int output) {
        ObjectNode reply = object().put("id", "msg_" + UUID.randomUUID().toString().replace("-", ""))
                .put("type", "message").put("role", "assistant").put("model", model);
        ArrayNode content = reply.putArray("content");
        if (text != null) {
            content.addObject().put("type", "text").put("text", text);
        }
        reply.put("stop_reason", stopReason).putNull("stop_sequence");
        reply.putObject("usage").put("input_tokens", input).put("output_tokens", output);
        return reply;
    }

    @Override
    protected Response trouble(Trouble trouble) {
        return switch (trouble) {
            case UNAUTHORIZED -> unauthorized(null);
            // The reset is a time; retry-after says the same in seconds.
            case RATE_LIMITED -> new Response(429,
                    Map.of("retry-after", "3", "anthropic-ratelimit-requests-limit", "50",
                            "anthropic-ratelimit-requests-remaining", "0", "anthropic-ratelimit-requests-reset",
                            Instant.now().plusSeconds(3).truncatedTo(ChronoUnit.SECONDS).toString()),
                    errorBody(429, "Number of request tokens has exceeded your per-minute rate limit"));
            case OVERLOADED -> new Response(529, Map.of(), errorBody(529, "Overloaded"));
            case SERVER_ERROR -> new Response(500, Map.of(), errorBody(500, "Internal server error"));
            case CONTEXT_TOO_LONG ->
                    new Response(400, Map.of(), errorBody(400, "prompt is too long: 208310 tokens > 200000 maximum"));
            // Newer models stop with "refusal" when Anthropic's safety classifiers intervene.
            case CONTENT_FILTERED -> Response.ok(message(models.getFirst(), null, "refusal", 12, 0));
        };
    }

    @Override
    protected JsonNode errorBody(int status, String message) {
        String type = switch (status) {
            case 400 -> "invalid_request_error";
            case 401 -> "authentication_error";
            case 403 -> "permission_error";
            case 404 -> "not_found_error";
            case 413 -> "request_too_large";
            case 429 -> "rate_limit_error";
            case 529 -> "overloaded_error";
            default -> "api_error";
        };
        ObjectNode root = object().put("type", "error");
        root.putObject("error").put("type", type).put("message", message);
        return root.put("request_id", "req_" + UUID.randomUUID().toString().replace("-", ""));
    }
}
