package io.hybridllm.worker.core.provider;

import java.net.http.HttpRequest;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import io.hybridllm.contracts.LlmRequest;
import io.hybridllm.worker.core.CallResult;
import io.hybridllm.worker.core.provider.stream.StreamReader;

/**
 * One provider's JSON: how a request is written and how answers and errors are read. Sending, timeouts, Retry-After,
 * redaction and transport failures are the same for every provider and live in {@link ProviderBackend}.
 */
interface WireFormat {

    /** The chat call: URI, headers and JSON body; {@code key} is null for an endpoint that needs none. */
    HttpRequest.Builder chat(String model, LlmRequest request, ApiKey key);

    /** The same call asking for the answer as a stream of server-sent events. */
    HttpRequest.Builder stream(String model, LlmRequest request, ApiKey key);

    /** How the events of {@link #stream} are read. */
    StreamReader streamReader();

    /** A 2xx JSON object that is not an error body: the answer, or why there is none (filtered, malformed). */
    CallResult answer(JsonNode root);

    /** What an error answer means; {@code root} is null when the body is not JSON. */
    ProviderError error(int status, JsonNode root, String body);

    /** The model list, for health reports. */
    HttpRequest.Builder models(ApiKey key);

    List<String> modelIds(JsonNode root);

    /**
     * The embeddings call for an embed request's inputs, or null when the provider's API computes none (see
     * {@link io.hybridllm.contracts.ProviderKind#embeds()}).
     */
    default HttpRequest.Builder embed(String model, LlmRequest request, ApiKey key) {
        return null;
    }

    /** A 2xx answer to {@link #embed}: the vectors, checked against the request (see {@link EmbeddingReads}). */
    default CallResult embeddings(JsonNode root, LlmRequest request) {
        throw new UnsupportedOperationException("no embeddings call");
    }

    /** Some providers answer 200 with an error body; these are read as errors. */
    default boolean isError(JsonNode root) {
        JsonNode error = root.path("error");
        return error.isObject() || error.isTextual();
    }
}
