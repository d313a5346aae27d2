package io.hybridllm.worker.core.provider;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.hybridllm.contracts.LlmRequest;
import io.hybridllm.worker.core.AnswerPieces;
import io.hybridllm.worker.core.CallResult;
import io.hybridllm.worker.core.provider.stream.Framing;
import io.hybridllm.worker.core.provider.stream.StreamLimits;
import io.hybridllm.worker.core.provider.stream.StreamedCall;
import io.hybridllm.worker.core.provider.stream.Watchdog;

/**
 * A provider call with its answer streamed (server-sent events): made once, like any call, within one bound from
 * sending to the last event. An error status is read as the same call without streaming would read it; a 2xx stream is
 * read event by event by the format's reader, each piece of text handed on as it arrives.
 */
final class StreamingCall {

    /** Error bodies are small JSON objects; more than this is not read. */
    private static final int MAX_ERROR_BYTES = 64 * 1024;

    private final ProviderBackend backend;
    private final ProviderSettings settings;
    private final WireFormat format;
    private final HttpClient http;

    StreamingCall(ProviderBackend backend, ProviderSettings settings, WireFormat format, HttpClient http) {
        this.backend = backend;
        this.settings = settings;
        this.format = format;
        this.http = http;
    }

    CallResult call(String model, LlmRequest request, Duration bound, boolean shortened, AnswerPieces pieces)
            throws InterruptedException {
        ApiKey key = settings.keys().current().orElse(null);
        String keyId = key == null ? null : key.id();
        long deadline = System.nanoTime() + bound.toNanos();
        CompletableFuture<HttpResponse<InputStream>> call = http.sendAsync(
                format.stream(model, request, key).timeout(bound).build(), HttpResponse.BodyHandlers.ofInputStream());
        HttpResponse<InputStream> response;
        try {
            response = call.get(bound.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            call.cancel(true);
            return timeout(bound, shortened, keyId);
        } catch (InterruptedException e) {
            call.cancel(true);
            throw e;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof HttpTimeoutException timedOut
                    && !(timedOut instanceof HttpConnectTimeoutException)) {
                return timeout(bound, shortened, keyId);
            }
            IOException failure = e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
            return Failures.transport(backend.provider(), backend.baseUrl(), failure, key).withKey(keyId);
        }
        int status = response.statusCode();
        try (InputStream body = response.body()) {
            if (status / 100 != 2) {
                String text = new String(body.readNBytes(MAX_ERROR_BYTES), StandardCharsets.UTF_8);
                return backend.settled(backend.failure(status, response.headers(), text, ErrorBodies.parse(text), key),
                        key, status);
            }
            return backend.settled(read(body, deadline, bound, shortened, key, pieces), key, status);
        } catch (IOException e) {
            return Failures.transport(backend.provider(), backend.baseUrl(), e, key).withKey(keyId);
        }
    }

    /**
     * The body's time counts against the same bound: at the deadline the stream is closed, which ends a read that waits
     * on a provider gone quiet.
     */
    private CallResult read(InputStream body, long deadline, Duration bound, boolean shortened, ApiKey key,
            AnswerPieces pieces) {
        CallResult result;
        boolean expired;
        try (Watchdog watchdog = Watchdog.until(deadline, body)) {
            try {
                result = StreamedCall.read(body, Framing.SSE, format.streamReader(), backend.provider(),
                        StreamLimits.DEFAULT, pieces);
            } catch (IOException e) {
                result = Failures.transport(backend.provider(), backend.baseUrl(), e, key);
            }
            expired = watchdog.expired();
        }
        if (expired && !(result instanceof CallResult.Answered)) {
            return timeout(bound, shortened, null);
        }
        return result instanceof CallResult.Failed failed
                ? Failures.failed(failed.error().code(), Redaction.without(failed.error().message(), key))
                : result;
    }

    private CallResult timeout(Duration bound, boolean shortened, String keyId) {
        return Failures.timeout(backend.provider(), backend.baseUrl(), bound, shortened).withKey(keyId);
    }
}
