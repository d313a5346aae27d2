package io.hybridllm.worker.core.provider;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import io.hybridllm.contracts.EmbeddingVectors;
import io.hybridllm.contracts.ErrorInfo;
import io.hybridllm.contracts.ErrorInfo.ErrorCode;
import io.hybridllm.contracts.LlmRequest;
import io.hybridllm.contracts.TokenUsage;
import io.hybridllm.embedding.Vectors;
import io.hybridllm.worker.core.CallResult;
import io.hybridllm.worker.core.CallResult.Answered;

/**
 * Vectors as the providers return them (JSON arrays of numbers, or OpenAI's base64 float32), checked against the
 * request before they become a reply: one per input, all of one length, the length asked for, and small enough for one
 * reply message. A provider that breaks one of these has not answered.
 */
public final class EmbeddingReads {

    private EmbeddingReads() {
    }

    /** The vectors in {@code nodes} (arrays or base64 strings), in input order, as a call's result. */
    public static CallResult fromJson(String provider, List<JsonNode> nodes, TokenUsage usage, LlmRequest request) {
        List<float[]> vectors = new ArrayList<>(nodes.size());
        for (JsonNode node : nodes) {
            if (node.isTextual()) {
                try {
                    vectors.add(Vectors.fromBase64(node.asText()));
                } catch (IllegalArgumentException e) {
                    return failed(provider + " answered a vector that is not base64 float32: " + e.getMessage());
                }
            } else if (node.isArray() && !node.isEmpty()) {
                float[] vector = new float[node.size()];
                for (int i = 0; i < vector.length; i++) {
                    if (!node.get(i).isNumber()) {
                        return failed(provider + " answered a vector holding something other than numbers");
                    }
                    vector[i] = node.get(i).floatValue();
                }
                vectors.add(vector);
            } else {
                return failed(provider + " answered an embedding that is neither an array of numbers nor base64");
            }
        }
        return answered(provider, vectors, usage, request);
    }

    /** The vectors computed for {@code request}, checked, as a call's result. */
    public static CallResult answered(String provider, List<float[]> vectors, TokenUsage usage, LlmRequest request) {
        int expected = request.inputs().size();
        if (vectors.size() != expected) {
            return failed(provider + " answered " + vectors.size() + " vectors for " + expected + " inputs");
        }
        int dimensions = vectors.getFirst().length;
        if (dimensions == 0 || vectors.stream().anyMatch(v -> v.length != dimensions)) {
            return failed(provider + " answered vectors of different or no lengths");
        }
        if (request.dimensions() != null && dimensions != request.dimensions()) {
            return new CallResult.Failed(new ErrorInfo(ErrorCode.TARGET_UNSUITABLE, provider + " answered " + dimensions
                    + " dimensions where " + request.dimensions() + " were asked for"));
        }
        if (!EmbeddingVectors.fits(expected, dimensions)) {
            return new CallResult.Failed(new ErrorInfo(ErrorCode.TARGET_UNSUITABLE,
                    expected + " vectors of " + dimensions + " dimensions do not fit one reply (at most "
                            + EmbeddingVectors.MAX_VECTOR_CHARS + " base64 characters): send fewer inputs"));
        }
        return Answered.embedded(new EmbeddingVectors(dimensions, vectors.stream().map(Vectors::toBase64).toList()),
                usage);
    }

    private static CallResult failed(String message) {
        return new CallResult.Failed(new ErrorInfo(ErrorCode.PROVIDER_ERROR, message));
    }
}
