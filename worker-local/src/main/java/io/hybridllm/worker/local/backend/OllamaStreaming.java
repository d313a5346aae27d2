package io.hybridllm.worker.local.backend;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.hybridllm.contracts.json.Json;
import io.hybridllm.worker.core.AnswerPieces;
import io.hybridllm.worker.core.CallResult;
import io.hybridllm.worker.core.provider.stream.Framing;
import io.hybridllm.worker.core.provider.stream.OllamaStream;
import io.hybridllm.worker.core.provider.stream.StreamLimits;
import io.hybridllm.worker.core.provider.stream.StreamedCall;
import io.hybridllm.worker.core.provider.stream.Watchdog;

/**
 * Ollama's {@code POST /api/chat} with {@code stream: true}: one JSON object a line, read as it comes, the call bounded
 * by the same timeout as one without streaming, from sending to the line with {@code done: true}.
 */
final class OllamaStreaming {

    /** Error bodies are one small JSON object; more than this is not read. */
    private static final int MAX_ERROR_BYTES = 64 * 1024;

    private OllamaStreaming() {
    }

    static CallResult call(HttpClient http, String baseUrl, String provider, Duration timeout, ObjectNode body,
            AnswerPieces pieces) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        HttpRequest call = HttpRequest.newBuilder(URI.create(baseUrl + "/api/chat")).timeout(timeout)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Json.write(body.put("stream", true)))).build();
        try {
            HttpResponse<InputStream> response = http.send(call, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream in = response.body();
                    Watchdog watchdog = Watchdog.until(deadline, in)) {
                if (response.statusCode() != 200) {
                    return OllamaResponses.of(response.statusCode(),
                            new String(in.readNBytes(MAX_ERROR_BYTES), StandardCharsets.UTF_8));
                }
                CallResult result;
                try {
                    result = StreamedCall.read(in, Framing.NDJSON, new OllamaStream(provider), provider,
                            StreamLimits.DEFAULT, pieces);
                } catch (IOException e) {
                    result = null;
                    if (!watchdog.expired()) {
                        throw e;
                    }
                }
                return watchdog.expired() && !(result instanceof CallResult.Answered)
                        ? OllamaResponses.of(new HttpTimeoutException("request timed out"), baseUrl, timeout)
                        : result;
            }
        } catch (IOException e) {
            return OllamaResponses.of(e, baseUrl, timeout);
        }
    }
}
