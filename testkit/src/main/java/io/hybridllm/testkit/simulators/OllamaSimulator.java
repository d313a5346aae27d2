package io.hybridllm.testkit.simulators;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.hybridllm.testkit.support.FreePorts;

/**
 * Speaks Ollama's native API as documented: {@code POST /api/chat} (non-streaming) with {@code prompt_eval_count} and
 * {@code eval_count}, {@code GET /api/tags}, and Ollama's {@code {"error": "..."}} bodies, including 404 for a model
 * that was never pulled.
 */
public final class OllamaSimulator extends ProviderSimulator {

    private final List<String> models;

    private OllamaSimulator(int port, Duration latency, List<String> models) {
        super(port, latency);
        this.models = List.copyOf(models);
        route("/api/tags", (exchange, body) -> Response.ok(tags()));
        route("/api/chat", (exchange, body) -> chat(body));
        start();
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
        body.get("messages").forEach(message -> prompt.append(message.path("content").asText()).append('\n'));
        String answer = answerFor(model, lastUserMessage(body));
        ObjectNode reply = object().put("model", model).put("created_at", Instant.now().toString());
        reply.putObject("message").put("role", "assistant").put("content", answer);
        reply.put("done_reason", "stop").put("done", true).put("total_duration", 1_000_000L)
                .put("load_duration", 100_000L).put("prompt_eval_count", tokens(prompt.toString()))
                .put("prompt_eval_duration", 200_000L).put("eval_count", tokens(answer)).put("eval_duration", 700_000L);
        return answering(Response.ok(reply));
    }

    private static String lastUserMessage(JsonNode body) {
        String last = "";
        for (JsonNode message : body.get("messages")) {
            if ("user".equals(message.path("role").asText())) {
                last = message.path("content").asText();
            }
        }
        return last;
    }

    @Override
    protected JsonNode errorBody(int status, String message) {
        return object().put("error", message);
    }
}
