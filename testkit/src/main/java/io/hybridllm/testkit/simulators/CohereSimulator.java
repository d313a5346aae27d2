package io.hybridllm.testkit.simulators;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;

import io.hybridllm.testkit.support.FreePorts;

/**
 * Speaks Cohere's v2 chat as documented: {@code POST /v2/chat} with a bearer key, answers whose {@code message.content}
 * is a list of text parts and whose usage has both {@code billed_units} and {@code tokens} (the latter counting
 * Cohere's own prompt template too), {@code GET /v1/models}, and Cohere's {@code {"id", "message"}} errors such as
 * "invalid api token" and "too many tokens". Cohere documents no content filter, so it offers none.
 */
public final class CohereSimulator extends CloudSimulator {

    /** Tokens Cohere's prompt template adds: counted in {@code tokens}, not billed. */
    public static final int TEMPLATE_TOKENS = 40;

    private static final Set<String> ROLES = Set.of("system", "user", "assistant", "tool");

    private final List<String> models;

    private CohereSimulator(int port, Duration latency, List<String> models, String apiKey) {
        super(port, latency, apiKey);
        this.models = List.copyOf(models);
        route("/v1/models", (exchange, body) -> authorized(exchange, this::models));
        route("/v2/chat", (exchange, body) -> authorized(exchange, () -> chat(body)));
        start();
    }

    public static CohereSimulator start(Duration latency, List<String> models, String apiKey) {
        return new CohereSimulator(FreePorts.next(), latency, models, apiKey);
    }

    @Override
    protected String presentedKey(HttpExchange exchange) {
        return bearer(exchange);
    }

    @Override
    protected Response unauthorized(String presented) {
        return new Response(401, Map.of(),
                errorBody(401, presented == null ? "no api key supplied" : "invalid api token"));
    }

    private Response models() {
        ObjectNode root = object();
        models.forEach(
                model -> root.withArray("models").addObject().put("name", model).putArray("endpoints").add("chat"));
        return Response.ok(root);
    }

    private Response chat(JsonNode body) throws InterruptedException {
        if (body == null || !body.path("model").isTextual()) {
            return new Response(400, Map.of(),
                    errorBody(400, "invalid request: a model parameter is required for " + "this endpoint."));
        }
        if (!models.contains(body.get("model").asText())) {
            return new Response(404, Map.of(), errorBody(404, "model '" + body.get("model").asText()
                    + "' not found, make sure the correct model ID was used and that you have access to the model."));
        }
        if (!body.path("messages").isArray() || body.get("messages").isEmpty()) {
            return new Response(400, Map.of(), errorBody(400, "invalid request: messages must not be empty"));
        }
        StringBuilder prompt = new StringBuilder();
        String lastUser = "";
        for (JsonNode message : body.get("messages")) {
            if (!ROLES.contains(message.path("role").asText())) {
                return new Response(400, Map.of(), errorBody(400, "invalid request: unknown role"));
            }
            prompt.append(message.path("content").asText()).append('\n');
            lastUser = "user".equals(message.path("role").asText()) ? message.path("content").asText() : lastUser;
        }
        String model = body.get("model").asText();
        String answer = answerFor(model, lastUser);
        int input = tokens(prompt.toString());
        int output = tokens(answer);
        ObjectNode reply = object().put("id", UUID.randomUUID().toString()).put("finish_reason", "COMPLETE");
        reply.putObject("message").put("role", "assistant").putArray("content").addObject().put("type", "text")
                .put("text", answer);
        ObjectNode usage = reply.putObject("usage");
        usage.putObject("billed_units").put("input_tokens", input).put("output_tokens", output);
        usage.putObject("tokens").put("input_tokens", input + TEMPLATE_TOKENS).put("output_tokens", output);
        return StreamedAnswers.streamedIf(body.path("stream").asBoolean(false), answering(Response.ok(reply)),
                StreamedAnswers::cohere);
    }

    @Override
    protected Response trouble(Trouble trouble) {
        return switch (trouble) {
            case UNAUTHORIZED -> unauthorized("simulated-wrong-key");
            case RATE_LIMITED -> new Response(429, Map.of(), errorBody(429, "You are using a Trial key, which is "
                    + "limited to 10 API calls / minute. You can continue to use the Trial key for free or upgrade "
                    + "to a Production key with higher rate limits."));
            case OVERLOADED -> new Response(503, Map.of(), errorBody(503, "service unavailable, please try again"));
            case SERVER_ERROR -> new Response(500, Map.of(),
                    errorBody(500, "internal server error, this has been " + "reported to our developers."));
            case CONTEXT_TOO_LONG -> new Response(400, Map.of(),
                    errorBody(400, "too many tokens: total number of "
                            + "tokens in the prompt cannot exceed 4081 - received 4292. Try using a shorter prompt, or "
                            + "enabling prompt truncating."));
            case CONTENT_FILTERED -> throw new IllegalArgumentException("Cohere documents no content filter");
        };
    }

    @Override
    protected JsonNode errorBody(int status, String message) {
        return object().put("id", UUID.randomUUID().toString()).put("message", message);
    }
}
