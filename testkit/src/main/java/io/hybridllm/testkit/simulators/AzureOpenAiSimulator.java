package io.hybridllm.testkit.simulators;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;

import io.hybridllm.testkit.support.FreePorts;

/**
 * Speaks Azure OpenAI as documented: {@code POST /openai/deployments/{deployment}/chat/completions?api-version=...}
 * with the key in {@code api-key}, {@code GET /openai/models}, Azure's errors ({@code {"error": {"code": "401"}}},
 * DeploymentNotFound, 429 with {@code retry-after} and {@code retry-after-ms}) and its content filter, which refuses a
 * prompt with a 400 {@code content_filter} error.
 */
public final class AzureOpenAiSimulator extends CloudSimulator {

    private static final Pattern CHAT = Pattern.compile("/openai/deployments/([^/]+)/(chat/completions|embeddings)");

    /** Deployment name to the model it runs. */
    private final Map<String, String> deployments;

    private AzureOpenAiSimulator(int port, Duration latency, Map<String, String> deployments, String apiKey) {
        super(port, latency, apiKey);
        this.deployments = Map.copyOf(deployments);
        route("/openai/models", (exchange, body) -> authorized(exchange, this::models));
        route("/openai/deployments/", (exchange, body) -> authorized(exchange, () -> chat(exchange, body)));
        start();
    }

    /** {@code deployments} maps each deployment name to its model. */
    public static AzureOpenAiSimulator start(Duration latency, Map<String, String> deployments, String apiKey) {
        return new AzureOpenAiSimulator(FreePorts.next(), latency, deployments, apiKey);
    }

    @Override
    protected String presentedKey(HttpExchange exchange) {
        return exchange.getRequestHeaders().getFirst("api-key");
    }

    @Override
    protected Response unauthorized(String presented) {
        return new Response(401, Map.of(),
                azureError("401", "Access denied due to invalid subscription key or wrong "
                        + "API endpoint. Make sure to provide a valid key for an active subscription and use a correct "
                        + "regional API endpoint for your resource."));
    }

    private Response models() {
        ObjectNode root = object();
        ArrayNode data = root.putArray("data");
        deployments.values().stream().distinct()
                .forEach(model -> data.addObject().put("id", model).put("object", "model").put("status", "succeeded"));
        return Response.ok(root);
    }

    private Response chat(HttpExchange exchange, JsonNode body) throws InterruptedException {
        Matcher path = CHAT.matcher(exchange.getRequestURI().getPath());
        String query = exchange.getRequestURI().getRawQuery();
        if (!path.matches() || query == null || !query.contains("api-version=")) {
            return new Response(404, Map.of(), azureError("404", "Resource not found"));
        }
        String model = deployments.get(path.group(1));
        if (model == null) {
            return new Response(404, Map.of(), azureError("DeploymentNotFound", "The API deployment for this "
                    + "resource does not exist. If you created the deployment within the last 5 minutes, please wait "
                    + "a moment and try again."));
        }
        if (path.group(2).equals("embeddings")) {
            List<String> texts = body == null ? null : SimulatedEmbeddings.texts(body.path("input"));
            if (texts == null) {
                return new Response(400, Map.of(), errorBody(400, "'input' is a required property"));
            }
            return answering(Response.ok(SimulatedEmbeddings.openAi(model, texts,
                    body.path("dimensions").asInt(SimulatedEmbeddings.DEFAULT_DIMENSIONS),
                    "base64".equals(body.path("encoding_format").asText()))));
        }
        if (body == null || !body.path("messages").isArray() || body.get("messages").isEmpty()) {
            return new Response(400, Map.of(), errorBody(400, "'messages' is a required property"));
        }
        ObjectNode completion;
        try {
            completion = OpenAiSimulator.completion(model, body);
        } catch (SeenContent.Refused e) {
            return new Response(400, Map.of(), errorBody(400, e.getMessage()));
        }
        completion.putArray("prompt_filter_results").addObject().put("prompt_index", 0)
                .putObject("content_filter_results").putObject("hate").put("filtered", false).put("severity", "safe");
        return StreamedAnswers.streamedIf(body.path("stream").asBoolean(false), answering(Response.ok(completion)),
                answer -> StreamedAnswers.openAi(body, answer));
    }

    @Override
    protected Response trouble(Trouble trouble) {
        return switch (trouble) {
            case UNAUTHORIZED -> unauthorized(null);
            case RATE_LIMITED -> new Response(429, Map.of("retry-after", "6", "retry-after-ms", "5500"),
                    azureError("429", "Requests to the ChatCompletions_Create Operation under Azure OpenAI API "
                            + "version 2024-10-21 have exceeded token rate limit of your current OpenAI S0 pricing "
                            + "tier. Please retry after 6 seconds."));
            case OVERLOADED -> new Response(503, Map.of(), azureError("ServiceUnavailable",
                    "The service is temporarily unable to process your request. Please try again later."));
            case SERVER_ERROR -> new Response(500, Map.of(),
                    errorBody(500, "The server had an error while " + "processing your request. Sorry about that!"));
            case CONTEXT_TOO_LONG -> new Response(400, Map.of(), OpenAiSimulator.error("This model's maximum context "
                    + "length is 8192 tokens. However, your messages resulted in 9000 tokens. Please reduce the length"
                    + " of the messages.", "invalid_request_error", "context_length_exceeded"));
            case CONTENT_FILTERED -> new Response(400, Map.of(), contentFilter());
        };
    }

    private static JsonNode contentFilter() {
        ObjectNode root = OpenAiSimulator.error(
                "The response was filtered due to the prompt triggering Azure "
                        + "OpenAI's content management policy. Please modify your prompt and retry.",
                null, "content_filter");
        ObjectNode error = (ObjectNode) root.get("error");
        error.put("param", "prompt").put("status", 400);
        ObjectNode result = error.putObject("innererror").put("code", "ResponsibleAIPolicyViolation")
                .putObject("content_filter_result");
        result.putObject("hate").put("filtered", false).put("severity", "safe");
        result.putObject("violence").put("filtered", true).put("severity", "high");
        return root;
    }

    @Override
    protected JsonNode errorBody(int status, String message) {
        return azureError(String.valueOf(status), message);
    }

    private static ObjectNode azureError(String code, String message) {
        ObjectNode root = object();
        root.putObject("error").put("code", code).put("message", message);
        return root;
    }
}
