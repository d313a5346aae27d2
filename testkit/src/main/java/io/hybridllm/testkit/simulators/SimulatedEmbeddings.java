package io.hybridllm.testkit.simulators;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.hybridllm.contracts.json.Json;

/**
 * Embeddings as the simulators compute them: deterministic unit vectors (the same model and text give the same vector,
 * in any simulator), a token count of about four characters a token, and each provider's documented answer shape. The
 * base64 form is written here from the documentation, not borrowed from the code under test, so that a test reading it
 * checks that code.
 */
final class SimulatedEmbeddings {

    /** The length of a vector when the request asks for none: small, to keep test bodies small. */
    static final int DEFAULT_DIMENSIONS = 32;
    /** The simulated models' window (Gemini's, the smallest of the cloud ones): more tokens are refused, not cut. */
    static final int CONTEXT_TOKENS = 2_048;

    private SimulatedEmbeddings() {
    }

    /** The texts of an {@code input} that is one string or an array of strings; null when it is neither. */
    static List<String> texts(JsonNode input) {
        if (input.isTextual()) {
            return List.of(input.asText());
        }
        if (!input.isArray() || input.isEmpty()) {
            return null;
        }
        List<String> texts = new ArrayList<>();
        for (JsonNode text : input) {
            if (!text.isTextual()) {
                return null;
            }
            texts.add(text.asText());
        }
        return texts;
    }

    /** The tokens of the first text longer than the window, or 0 when all fit. */
    static int overLong(List<String> texts) {
        return texts.stream().mapToInt(ProviderSimulator::tokens).filter(t -> t > CONTEXT_TOKENS).findFirst().orElse(0);
    }

    static int tokens(List<String> texts) {
        return texts.stream().mapToInt(ProviderSimulator::tokens).sum();
    }

    static float[] vector(String model, String text, int dimensions) {
        SplittableRandom random = new SplittableRandom((model + '\n' + text).hashCode());
        float[] vector = new float[dimensions];
        double sum = 0;
        for (int i = 0; i < dimensions; i++) {
            vector[i] = (float) (random.nextDouble() * 2 - 1);
            sum += vector[i] * vector[i];
        }
        for (int i = 0; i < dimensions; i++) {
            vector[i] = (float) (vector[i] / Math.sqrt(sum));
        }
        return vector;
    }

    static ArrayNode numbers(float[] vector) {
        ArrayNode numbers = Json.mapper().createArrayNode();
        for (float value : vector) {
            numbers.add(value);
        }
        return numbers;
    }

    /** OpenAI's {@code encoding_format: "base64"}: the float32 values, little-endian, in base64. */
    static String base64(float[] vector) {
        ByteBuffer bytes = ByteBuffer.allocate(vector.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (float value : vector) {
            bytes.putFloat(value);
        }
        return Base64.getEncoder().encodeToString(bytes.array());
    }

    /** OpenAI's (and Azure's, Mistral's...) {@code /embeddings} answer. */
    static ObjectNode openAi(String model, List<String> texts, int dimensions, boolean base64) {
        ObjectNode root = Json.mapper().createObjectNode().put("object", "list");
        ArrayNode data = root.putArray("data");
        for (int i = 0; i < texts.size(); i++) {
            float[] vector = vector(model, texts.get(i), dimensions);
            ObjectNode item = data.addObject().put("object", "embedding").put("index", i);
            if (base64) {
                item.put("embedding", base64(vector));
            } else {
                item.set("embedding", numbers(vector));
            }
        }
        root.put("model", model);
        int tokens = tokens(texts);
        root.putObject("usage").put("prompt_tokens", tokens).put("total_tokens", tokens);
        return root;
    }

    /** Ollama's {@code /api/embed} answer. */
    static ObjectNode ollama(String model, List<String> texts, int dimensions) {
        ObjectNode root = Json.mapper().createObjectNode().put("model", model);
        ArrayNode embeddings = root.putArray("embeddings");
        texts.forEach(text -> embeddings.add(numbers(vector(model, text, dimensions))));
        return root.put("total_duration", 14_143_917).put("load_duration", 1_019_500).put("prompt_eval_count",
                tokens(texts));
    }

    /** Gemini's {@code batchEmbedContents} answer: values only, no token counts. */
    static ObjectNode gemini(String model, List<String> texts, int dimensions) {
        ObjectNode root = Json.mapper().createObjectNode();
        ArrayNode embeddings = root.putArray("embeddings");
        texts.forEach(text -> embeddings.addObject().set("values", numbers(vector(model, text, dimensions))));
        return root;
    }

    /** Cohere v2's {@code /v2/embed} answer for {@code embedding_types: ["float"]}. */
    static ObjectNode cohere(String model, List<String> texts, int dimensions) {
        ObjectNode root = Json.mapper().createObjectNode().put("id", UUID.randomUUID().toString());
        ArrayNode floats = root.putObject("embeddings").putArray("float");
        texts.forEach(text -> floats.add(numbers(vector(model, text, dimensions))));
        ArrayNode echoed = root.putArray("texts");
        texts.forEach(echoed::add);
        ObjectNode meta = root.putObject("meta");
        meta.putObject("api_version").put("version", "2");
        meta.putObject("billed_units").put("input_tokens", tokens(texts));
        return root.put("response_type", "embeddings_by_type");
    }
}
