package io.hybridllm.testkit.simulators;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.hybridllm.testkit.support.FreePorts;

/**
 * Speaks Ollama's native API as documented: {@code POST /api/chat} with {@code prompt_eval_count} and
 * {@code eval_count}, {@code message.tool_calls} when the prompt names an offered tool, JSON for {@code format}
 * {@code "json"} or a schema, {@code done_reason: length} when {@code options.num_predict} cuts the answer,
 * {@code GET /api/tags}, and Ollama's {@code {"error": "..."}} bodies, including 404 for a model that was never pulled.
 */
public final class OllamaSimulator extends ProviderSimulator {

    private final List<String> models;
    private final Map<String, String> scripted = new ConcurrentHashMap<>();
    private final List<String> warmedUp = new CopyOnWriteArrayList<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();
    private volatile boolean down;

    private OllamaSimulator(int port, Duration latency, List<String> models) {
        super(port, latency);
        this.models = new CopyOnWriteArrayList<>(models);
        route("/api/tags", (exchange, body) -> down ? unavailable() : Response.ok(tags()));
        route("/api/chat", (exchange, body) -> down ? unavailable() : tracked(body));
        route("/api/embed", (exchange, body) -> down ? unavailable() : embed(body));
        route("/api/pull", (exchange, body) -> pull(body));
        route("/api/generate", (exchange, body) -> load(body));
        start();
    }

    /** From now on, {@code model} answers every chat with {@code answer}, e.g. a refusal or nothing. */
    public void answerAs(String model, String answer) {
        scripted.put(model, answer);
    }

    /** A server that is down answers 500 to everything, health checks included, until it is up again. */
    public void setDown(boolean down) {
        this.down = down;
    }

    /** The most chats it ever served at once. */
    public int maxConcurrentChats() {
        return maxInFlight.get();
    }

    /** The models loaded by a call without prompt (a warm-up), in order. */
    public List<String> warmedUp() {
        return List.copyOf(warmedUp);
    }

    public List<String> models() {
        return List.copyOf(models);
    }

    private Response unavailable() {
        return new Response(500, Map.of(), errorBody(500, "simulated outage"));
    }

    private Response tracked(JsonNode body) throws InterruptedException {
        maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
        try {
            return chat(body);
        } finally {
            inFlight.decrementAndGet();
        }
    }

    /**
     * {@code POST /api/embed}: {@code input} a string or an array; with {@code truncate: false} an input beyond the
     * model's context is refused with 400, otherwise Ollama cuts it (here: embeds it anyway).
     */
    private Response embed(JsonNode body) throws InterruptedException {
        List<String> texts = body == null ? null : SimulatedEmbeddings.texts(body.path("input"));
        if (texts == null || !body.path("model").isTextual()) {
            return new Response(400, Map.of(), errorBody(400, "model and input are required"));
        }
        String model = body.get("model").asText();
        if (!models.contains(model)) {
            return new Response(404, Map.of(),
                    errorBody(404, "model \"" + model + "\" not found, try pulling it first"));
        }
        if (!body.path("truncate").asBoolean(true) && SimulatedEmbeddings.overLong(texts) > 0) {
            return new Response(400, Map.of(), errorBody(400, "the input length exceeds the context length"));
        }
        return answering(Response.ok(SimulatedEmbeddings.ollama(model, texts,
                body.path("dimensions").asInt(SimulatedEmbeddings.DEFAULT_DIMENSIONS))));
    }

    /** {@code POST /api/pull} without streaming: one status object once the model is there. */
    private Response pull(JsonNode body) {
        String model = body == null ? "" : body.path("model").asText();
        if (model.isBlank()) {
            return new Response(400, Map.of(), errorBody(400, "model is required"));
        }
        if (!models.contains(model)) {
            models.add(model);
        }
        return Response.ok(object().put("status", "success"));
    }

    /** {@code POST /api/generate} without a prompt loads the model, as Ollama documents for preloading. */
    private Response load(JsonNode body) {
        String model = body == null ? "" : body.path("model").asText();
        if (!models.contains(model)) {
            return new Response(404, Map.of(),
                    errorBody(404, "model \"" + model + "\" not found, try pulling it first"));
        }
        warmedUp.add(model);
        return Response.ok(object().put("model", model).put("created_at", Instant.now().toString()).put("response", "")
                .put("done", true).put("done_reason", "load"));
    }

    public static OllamaSimulator start(Duration latency, List<String> models) {
        return start(FreePorts.next(), latency, models);
    }

    public static OllamaSimulator start(int port, Duration latency, List<String> models) {
        return new OllamaSimulator(port, latency, models);
    }

    private JsonNode tags() {
        ObjectNode root = object();
        ArrayNode list = root.putArray("models");
        for (String model : models) {
            list.addObject().put("name", model).put("model", model).put("modified_at", "2026-11-01T00:00:00Z")
                    .put("size", 1_300_000_000L).put("digest", Integer.toHexString(model.hashCode()))
                    .putObject("details").put("format", "gguf").put("family", "llama");
        }
        return root;
    }

    private Response chat(JsonNode body) throws InterruptedException {
        if (body == null || !body.path("model").isTextual() || !body.path("messages").isArray()) {
            return new Response(400, Map.of(), errorBody(400, "model and messages are required"));
        }
        String model = body.get("model").asText();
        if (!models.contains(model)) {
            return new Response(404, Map.of(),
                    errorBody(404, "model \"" + model + "\" not found, try pulling it first"));
        }
        StringBuilder prompt = new StringBuilder();
        String lastUser = "";
        for (JsonNode message : body.get("messages")) {
            String content;
            try {
                content = SeenContent.ollama(message);
            } catch (SeenContent.Refused e) {
                return new Response(400, Map.of(), errorBody(400, e.getMessage()));
            }
            prompt.append(content).append('\n');
            lastUser = "user".equals(message.path("role").asText()) ? content : lastUser;
        }
        String answer = scripted.getOrDefault(model, answerFor(model, lastUser));
        ObjectNode reply = object().put("model", model).put("created_at", Instant.now().toString());
        ObjectNode message = reply.putObject("message").put("role", "assistant");
        String called = toolNamedIn(body.path("tools"), lastUser);
        String doneReason = "stop";
        if (called != null) {
            // Ollama has no tool_choice: a model calls a tool when the prompt tells it to, here by naming it.
            answer = "";
            message.putArray("tool_calls").addObject().putObject("function").put("name", called).putObject("arguments");
        } else {
            JsonNode format = body.path("format");
            answer = format.isObject() || "json".equals(format.asText()) ? RequestedAnswer.asJson(answer) : answer;
            int budget = body.path("options").path("num_predict").asInt();
            if (RequestedAnswer.overBudget(answer, budget)) {
                answer = RequestedAnswer.cut(answer, budget);
                doneReason = "length";
            }
        }
        message.put("content", answer);
        reply.put("done_reason", doneReason).put("done", true).put("total_duration", 1_000_000L)
                .put("load_duration", 100_000L).put("prompt_eval_count", tokens(prompt.toString()))
                .put("prompt_eval_duration", 200_000L).put("eval_count", tokens(answer)).put("eval_duration", 700_000L);
        // Ollama streams unless told not to; a request without the field gets one answer here, as every caller sets it.
        return StreamedAnswers.streamedIf(body.path("stream").asBoolean(false), answering(Response.ok(reply)),
                StreamedAnswers::ollama);
    }

    /** The first offered tool whose name the prompt mentions, or null. */
    private static String toolNamedIn(JsonNode tools, String prompt) {
        for (JsonNode tool : tools) {
            String name = tool.path("function").path("name").asText();
            if (!name.isEmpty() && prompt.contains(name)) {
                return name;
            }
        }
        return null;
    }

    @Override
    protected JsonNode errorBody(int status, String message) {
        return object().put("error", message);
    }
}
