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
        route("/v2/embed", (exchange, body) -> authorized(exchange, () -> embed(body)));
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

    /**
     * v2 {@code POST /v2/embed}: {@code texts}, {@code embedding_types} required, {@code output_dimension} honoured,
     * and with {@code truncate: NONE} a text beyond the window refused.
     */
    private Response embed(JsonNode body) throws InterruptedException {
        List<String> texts = body == null ? null : SimulatedEmbeddings.texts(body.path("texts"));
        if (texts == null || !body.path("model").isTextual() || !body.path("embedding_types").isArray()) {
            return new Response(400, Map.of(),
                    errorBody(400, "invalid request: model, texts and embedding_types are required."));
        }
        String model = body.get("model").asText();
        if (!models.contains(model)) {
            return new Response(404, Map.of(), errorBody(404, "model '" + model + "' not found, make sure the correct"
                    + " model ID was used and that you have access to the model."));
        }
        if ("NONE".equals(body.path("truncate").asText()) && SimulatedEmbeddings.overLong(texts) > 0) {
            return new Response(400, Map.of(), errorBody(400, "invalid request: one of the texts is too long: "
                    + "the maximum is " + SimulatedEmbeddings.CONTEXT_TOKENS + " tokens"));
        }
        return answering(Response.ok(SimulatedEmbeddings.cohere(model, texts,
                body.path("output_dimension").asInt(SimulatedEmbeddings.DEFAULT_DIMENSIONS))));
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
            String content;
            try {
                content = SeenContent.openAi(message.path("content"));
            } catch (SeenContent.Refused e) {
                return new Response(400, Map.of(), errorBody(400, "invalid request: " + e.getMessage()));
            }
            prompt.append(content).append('\n');
            lastUser = "user".equals(message.path("role").asText()) ? content : lastUser;
        }
        String model = body.get("model").asText();
        ObjectNode reply = reply(body, answerFor(model, lastUser), tokens(prompt.toString()));
        return StreamedAnswers.streamedIf(body.path("stream").asBoolean(false), answering(Response.ok(reply)),
                StreamedAnswers::cohere);
    }

    /**
     * As Cohere answers the request's options: {@code message.tool_calls} (the first tool's, with a {@code tool_plan})
     * and finish_reason {@code TOOL_CALL} when {@code tool_choice} is {@code REQUIRED}; JSON when
     * {@code response_format} asks for it; and finish_reason {@code MAX_TOKENS} with the answer cut when
     * {@code max_tokens} is smaller than the answer.
     */
    private static ObjectNode reply(JsonNode body, String text, int input) {
        ObjectNode reply = object().put("id", UUID.randomUUID().toString());
        ObjectNode message = reply.putObject("message").put("role", "assistant");
        JsonNode tools = body.path("tools");
        String answer = body.path("response_format").path("type").asText("text").equals("text") ? text
                : RequestedAnswer.asJson(text);
        int budget = body.path("max_tokens").asInt();
        int output;
        if ("REQUIRED".equals(body.path("tool_choice").asText()) && tools.isArray() && !tools.isEmpty()) {
            String name = tools.get(0).path("function").path("name").asText();
            message.put("tool_plan", "I will call " + name + ".");
            ObjectNode call = message.putArray("tool_calls").addObject()
                    .put("id", name + "_" + UUID.randomUUID().toString().substring(0, 8)).put("type", "function");
            call.putObject("function").put("name", name).put("arguments", "{}");
            reply.put("finish_reason", "TOOL_CALL");
            output = tokens(name) + 5;
        } else if (RequestedAnswer.overBudget(answer, budget)) {
            message.putArray("content").addObject().put("type", "text").put("text",
                    RequestedAnswer.cut(answer, budget));
            reply.put("finish_reason", "MAX_TOKENS");
            output = budget;
        } else {
            message.putArray("content").addObject().put("type", "text").put("text", answer);
            reply.put("finish_reason", "COMPLETE");
            output = tokens(answer);
        }
        ObjectNode usage = reply.putObject("usage");
        usage.putObject("billed_units").put("input_tokens", input).put("output_tokens", output);
        usage.putObject("tokens").put("input_tokens", input + TEMPLATE_TOKENS).put("output_tokens", output);
        return reply;
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
