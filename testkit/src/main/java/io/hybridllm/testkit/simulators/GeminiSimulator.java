package io.hybridllm.testkit.simulators;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;

import io.hybridllm.testkit.support.FreePorts;

/**
 * Speaks Google's Gemini API as documented: {@code POST /v1beta/models/{model}:generateContent} with the key in
 * {@code x-goog-api-key}, {@code contents} of {@code parts} with roles user and model, {@code usageMetadata},
 * {@code finishReason: SAFETY}; {@code GET /v1beta/models}; Google's errors {@code {"error": {"code", "message",
 * "status", "details"}}}, a wrong key as 400 API_KEY_INVALID, and 429 RESOURCE_EXHAUSTED whose RetryInfo says when to
 * retry.
 */
public final class GeminiSimulator extends CloudSimulator {

    private static final String GENERATE = ":generateContent";
    private static final String STREAM_GENERATE = ":streamGenerateContent";
    private static final String BATCH_EMBED = ":batchEmbedContents";

    private final List<String> models;

    private GeminiSimulator(int port, Duration latency, List<String> models, String apiKey) {
        super(port, latency, apiKey);
        this.models = List.copyOf(models);
        route("/v1beta/models", (exchange, body) -> authorized(exchange, () -> serve(exchange, body)));
        start();
    }

    public static GeminiSimulator start(Duration latency, List<String> models, String apiKey) {
        return new GeminiSimulator(FreePorts.next(), latency, models, apiKey);
    }

    @Override
    protected String presentedKey(HttpExchange exchange) {
        return exchange.getRequestHeaders().getFirst("x-goog-api-key");
    }

    /** Google answers a wrong key with 400, and its debug detail quotes the key. */
    @Override
    protected Response unauthorized(String presented) {
        ObjectNode root = error(400, "API key not valid. Please pass a valid API key.");
        ArrayNode details = ((ObjectNode) root.get("error")).putArray("details");
        details.addObject().put("@type", "type.googleapis.com/google.rpc.ErrorInfo").put("reason", "API_KEY_INVALID")
                .put("domain", "googleapis.com");
        details.addObject().put("@type", "type.googleapis.com/google.rpc.DebugInfo").put("detail",
                "Invalid API key: " + presented);
        return new Response(400, Map.of(), root);
    }

    /**
     * {@code POST /v1beta/models/{model}:batchEmbedContents}: one request per text, each naming the same model,
     * {@code outputDimensionality} honoured; values only, Google reports no token counts here.
     */
    private Response embed(String model, JsonNode body) throws InterruptedException {
        if (!models.contains(model)) {
            return new Response(404, Map.of(), errorBody(404, "models/" + model + " is not found for API version "
                    + "v1beta, or is not supported for batchEmbedContents."));
        }
        List<String> texts = new ArrayList<>();
        int dimensions = SimulatedEmbeddings.DEFAULT_DIMENSIONS;
        for (JsonNode request : body == null ? List.<JsonNode> of() : toList(body.path("requests"))) {
            if (!("models/" + model).equals(request.path("model").asText())) {
                return new Response(400, Map.of(),
                        errorBody(400, "* BatchEmbedContentsRequest.requests: model " + "must match the parent model"));
            }
            texts.add(request.path("content").path("parts").path(0).path("text").asText());
            dimensions = request.path("outputDimensionality").asInt(dimensions);
        }
        if (texts.isEmpty()) {
            return new Response(400, Map.of(), errorBody(400, "* BatchEmbedContentsRequest.requests: is empty"));
        }
        return answering(Response.ok(SimulatedEmbeddings.gemini(model, texts, dimensions)));
    }

    private static List<JsonNode> toList(JsonNode array) {
        List<JsonNode> items = new ArrayList<>();
        array.forEach(items::add);
        return items;
    }

    private Response serve(HttpExchange exchange, JsonNode body) throws InterruptedException {
        String path = exchange.getRequestURI().getPath();
        if (path.equals("/v1beta/models")) {
            ObjectNode root = object();
            models.forEach(model -> root.withArray("models").addObject().put("name", "models/" + model)
                    .putArray("supportedGenerationMethods").add("generateContent"));
            return Response.ok(root);
        }
        String model = path.substring("/v1beta/models/".length());
        if (model.endsWith(BATCH_EMBED)) {
            return embed(model.substring(0, model.length() - BATCH_EMBED.length()), body);
        }
        // streamGenerateContent with alt=sse answers the same, as server-sent events.
        boolean streamed = model.endsWith(STREAM_GENERATE) && "alt=sse".equals(exchange.getRequestURI().getQuery());
        model = streamed ? model.substring(0, model.length() - STREAM_GENERATE.length()) + GENERATE : model;
        if (!model.endsWith(GENERATE) || !models.contains(model.substring(0, model.length() - GENERATE.length()))) {
            return new Response(404, Map.of(), errorBody(404, "models/" + model.replace(GENERATE, "") + " is not "
                    + "found for API version v1beta, or is not supported for generateContent."));
        }
        if (body == null || !body.path("contents").isArray() || body.get("contents").isEmpty()) {
            return new Response(400, Map.of(),
                    errorBody(400, "* GenerateContentRequest.contents: contents is not " + "specified"));
        }
        StringBuilder prompt = new StringBuilder(
                body.path("systemInstruction").path("parts").path(0).path("text").asText());
        String lastUser = "";
        for (JsonNode content : body.get("contents")) {
            String role = content.path("role").asText();
            if (!role.equals("user") && !role.equals("model")) {
                return new Response(400, Map.of(), errorBody(400, "Please use a valid role: user, model."));
            }
            String text;
            try {
                text = SeenContent.gemini(content.path("parts"));
            } catch (SeenContent.Refused e) {
                return new Response(400, Map.of(), errorBody(400, e.getMessage()));
            }
            prompt.append('\n').append(text);
            lastUser = role.equals("user") ? text : lastUser;
        }
        String name = model.substring(0, model.length() - GENERATE.length());
        return StreamedAnswers.streamedIf(streamed,
                answering(Response.ok(requested(name, body, answerFor(name, lastUser), tokens(prompt.toString())))),
                StreamedAnswers::gemini);
    }

    /**
     * As Gemini answers the request's options: a {@code functionCall} part with finishReason {@code STOP} when
     * {@code toolConfig.functionCallingConfig.mode} is {@code ANY} (the first allowed function, else the first
     * declared); JSON when {@code responseMimeType} is {@code application/json}; and finishReason {@code MAX_TOKENS}
     * with the answer cut when {@code maxOutputTokens} is smaller than the answer.
     */
    private static ObjectNode requested(String model, JsonNode body, String text, int promptTokens) {
        JsonNode calling = body.path("toolConfig").path("functionCallingConfig");
        JsonNode declarations = body.path("tools").path(0).path("functionDeclarations");
        if ("ANY".equals(calling.path("mode").asText()) && declarations.isArray() && !declarations.isEmpty()) {
            String name = calling.path("allowedFunctionNames").path(0)
                    .asText(declarations.get(0).path("name").asText());
            ObjectNode root = answer(model, "", "STOP", promptTokens);
            ArrayNode parts = (ArrayNode) root.path("candidates").path(0).path("content").path("parts");
            parts.removeAll().addObject().putObject("functionCall").put("name", name).putObject("args");
            return root;
        }
        JsonNode config = body.path("generationConfig");
        String answer = "application/json".equals(config.path("responseMimeType").asText())
                ? RequestedAnswer.asJson(text)
                : text;
        int budget = config.path("maxOutputTokens").asInt();
        if (RequestedAnswer.overBudget(answer, budget)) {
            ObjectNode root = answer(model, RequestedAnswer.cut(answer, budget), "MAX_TOKENS", promptTokens);
            ((ObjectNode) root.get("usageMetadata")).put("candidatesTokenCount", budget).put("totalTokenCount",
                    promptTokens + budget);
            return root;
        }
        return answer(model, answer, "STOP", promptTokens);
    }

    private static ObjectNode answer(String model, String text, String finishReason, int promptTokens) {
        ObjectNode root = object();
        ObjectNode candidate = root.putArray("candidates").addObject();
        if (text != null) {
            candidate.putObject("content").put("role", "model").putArray("parts").addObject().put("text", text);
        } else {
            candidate.putArray("safetyRatings").addObject().put("category", "HARM_CATEGORY_DANGEROUS_CONTENT")
                    .put("probability", "HIGH").put("blocked", true);
        }
        candidate.put("finishReason", finishReason).put("index", 0);
        int output = text == null ? 0 : tokens(text);
        ObjectNode usage = root.putObject("usageMetadata").put("promptTokenCount", promptTokens);
        if (text != null) {
            usage.put("candidatesTokenCount", output);
        }
        usage.put("totalTokenCount", promptTokens + output);
        return root.put("modelVersion", model).put("responseId",
                Integer.toHexString(text == null ? 0 : text.hashCode()));
    }

    @Override
    protected Response trouble(Trouble trouble) {
        return switch (trouble) {
            case UNAUTHORIZED -> unauthorized("AIzaSimulatedWrongKey0000000000000000000");
            case RATE_LIMITED -> {
                ObjectNode root = error(429, "You exceeded your current quota, please check your plan and billing "
                        + "details. Please retry in 17.5s.");
                ArrayNode details = ((ObjectNode) root.get("error")).putArray("details");
                details.addObject().put("@type", "type.googleapis.com/google.rpc.QuotaFailure").putArray("violations")
                        .addObject().put("quotaMetric", "generativelanguage.googleapis.com/generate_content_requests");
                details.addObject().put("@type", "type.googleapis.com/google.rpc.RetryInfo").put("retryDelay", "17s");
                yield new Response(429, Map.of(), root);
            }
            case OVERLOADED -> new Response(503, Map.of(),
                    errorBody(503, "The model is overloaded. Please try again " + "later."));
            case SERVER_ERROR -> new Response(500, Map.of(), errorBody(500, "An internal error has occurred. Please "
                    + "retry or report in https://developers.generativeai.google/guide/troubleshooting"));
            case CONTEXT_TOO_LONG -> new Response(400, Map.of(), errorBody(400,
                    "The input token count (1200293) " + "exceeds the maximum number of tokens allowed (1048576)."));
            case CONTENT_FILTERED -> Response.ok(answer(models.getFirst(), null, "SAFETY", 9));
        };
    }

    @Override
    protected JsonNode errorBody(int status, String message) {
        return error(status, message);
    }

    private static ObjectNode error(int status, String message) {
        String grpc = switch (status) {
            case 400 -> "INVALID_ARGUMENT";
            case 403 -> "PERMISSION_DENIED";
            case 404 -> "NOT_FOUND";
            case 429 -> "RESOURCE_EXHAUSTED";
            case 503 -> "UNAVAILABLE";
            case 504 -> "DEADLINE_EXCEEDED";
            default -> "INTERNAL";
        };
        ObjectNode root = object();
        root.putObject("error").put("code", status).put("message", message).put("status", grpc);
        return root;
    }
}
