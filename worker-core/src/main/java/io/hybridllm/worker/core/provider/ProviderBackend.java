package io.hybridllm.worker.core.provider;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;

import io.hybridllm.contracts.ErrorInfo;
import io.hybridllm.contracts.ErrorInfo.ErrorCode;
import io.hybridllm.contracts.LlmRequest;
import io.hybridllm.contracts.ProviderKind;
import io.hybridllm.contracts.Tier;
import io.hybridllm.worker.core.AnswerPieces;
import io.hybridllm.worker.core.CallResult;
import io.hybridllm.worker.core.ModelBackend;

/**
 * One cloud provider, in the wire format of its {@link ProviderKind}. Every call is made exactly once, within the
 * provider's timeout (from sending to the last byte): retrying and failing over are the caller's decisions, for which a
 * failure carries its class, the id of the key used and, for rate limits and overload, how long the provider asked us
 * to wait. A key refused or rate limited is reported to the {@link KeySupplier}, which may rotate to the next one.
 * Nothing is thrown for a failed call, and no message carries a key.
 */
public class ProviderBackend implements ModelBackend {

    private final ProviderSettings settings;
    private final WireFormat format;
    private final HttpClient http;
    private final Clock clock;
    private final StreamingCall streaming;

    public ProviderBackend(ProviderSettings settings) {
        this(settings, Clock.systemUTC());
    }

    /** The clock reads HTTP-date and RFC 3339 reset headers. */
    public ProviderBackend(ProviderSettings settings, Clock clock) {
        this.settings = settings;
        this.format = WireFormats.of(settings);
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        this.streaming = new StreamingCall(this, settings, format, http);
    }

    @Override
    public String provider() {
        return settings.name();
    }

    public ProviderKind kind() {
        return settings.kind();
    }

    /** A provider's API is paid per call; a local server speaking its format wraps this and is not. */
    @Override
    public boolean paid() {
        return true;
    }

    @Override
    public String defaultModel(Tier tier) {
        return settings.defaultModel();
    }

    @Override
    public String baseUrl() {
        return settings.baseUrl();
    }

    /**
     * A cloud account lists only some of what it serves (Azure deployments, aliases, new models), so a model it does
     * not list is still tried; a call for a model a server lacks fails over like any failed call.
     */
    @Override
    public boolean listsEveryModel() {
        return false;
    }

    /** No key where one is required, or an unusable one: no call can be made, and none is billed. */
    @Override
    public Optional<ErrorInfo> refusal() {
        Optional<ApiKey> key = settings.keys().current();
        if (key.isEmpty()) {
            return settings.kind().keyRequired()
                    ? Optional.of(new ErrorInfo(ErrorCode.AUTHENTICATION, settings.keys().unavailable(provider())))
                    : Optional.empty();
        }
        return key.get().usable() ? Optional.empty()
                : Optional.of(new ErrorInfo(ErrorCode.AUTHENTICATION, "the API key " + key.get().id() + " of "
                        + provider() + " holds control characters: check " + settings.keys().source()));
    }

    @Override
    public CallResult chat(String model, LlmRequest request) throws InterruptedException {
        return chat(model, request, settings.timeout());
    }

    /** The call within {@code timeout} or the provider's timeout, whichever is shorter. */
    @Override
    public CallResult chat(String model, LlmRequest request, Duration timeout) throws InterruptedException {
        return exchange(model, timeout, key -> format.chat(model, request, key), format::answer);
    }

    /** The provider's embeddings call (see {@link WireFormat#embed}); a kind without one fails over at once. */
    @Override
    public CallResult embed(String model, LlmRequest request, Duration timeout) throws InterruptedException {
        if (!settings.kind().embeds()) {
            return Failures.failed(ErrorCode.TARGET_UNSUITABLE,
                    provider() + " (" + settings.kind().wireName() + ") has no embeddings API");
        }
        return exchange(model, timeout == null ? settings.timeout() : timeout, key -> format.embed(model, request, key),
                root -> format.embeddings(root, request));
    }

    private CallResult exchange(String model, Duration timeout, Function<ApiKey, HttpRequest.Builder> call,
            Function<JsonNode, CallResult> reader) throws InterruptedException {
        Optional<ErrorInfo> refused = refusal();
        if (refused.isPresent()) {
            return new CallResult.Failed(refused.get());
        }
        if (model == null || model.isBlank()) {
            return Failures.failed(ErrorCode.INVALID_REQUEST, "no model named for " + provider());
        }
        ApiKey key = settings.keys().current().orElse(null);
        String keyId = key == null ? null : key.id();
        boolean shortened = timeout.compareTo(settings.timeout()) < 0;
        Duration bound = shortened ? timeout : settings.timeout();
        HttpResponse<String> response;
        try {
            response = send(call.apply(key).timeout(bound), bound);
        } catch (TimeoutException e) {
            return Failures.timeout(provider(), baseUrl(), bound, shortened).withKey(keyId);
        } catch (IOException e) {
            return Failures.transport(provider(), baseUrl(), e, key).withKey(keyId);
        } catch (ImageParts.UnsuitableContent e) {
            return Failures.failed(ErrorCode.TARGET_UNSUITABLE, e.getMessage());
        }
        return settled(read(response, key, reader), key, response.statusCode());
    }

    /**
     * The call with its answer streamed: each piece of text to {@code pieces} as it comes (see {@link StreamingCall}),
     * within {@code timeout} (null: the provider's) from sending to the last event.
     */
    @Override
    public CallResult stream(String model, LlmRequest request, Duration timeout, AnswerPieces pieces)
            throws InterruptedException {
        Optional<ErrorInfo> refused = refusal();
        if (refused.isPresent()) {
            return new CallResult.Failed(refused.get());
        }
        if (model == null || model.isBlank()) {
            return Failures.failed(ErrorCode.INVALID_REQUEST, "no model named for " + provider());
        }
        boolean shortened = timeout != null && timeout.compareTo(settings.timeout()) < 0;
        return streaming.call(model, request, shortened ? timeout : settings.timeout(), shortened, pieces);
    }

    /** The result with the key that made it; a key's own trouble hands later calls to the next key. */
    CallResult settled(CallResult result, ApiKey key, int status) {
        String keyId = key == null ? null : key.id();
        if (key != null && result instanceof CallResult.Failed failed) {
            switch (failed.error().code()) {
                case AUTHENTICATION -> settings.keys().refused(key, status);
                case RATE_LIMITED -> settings.keys().rateLimited(key, failed.retryAfter());
                default -> {
                }
            }
        }
        return switch (result) {
            case CallResult.Answered answered -> answered.withKey(keyId);
            case CallResult.Failed failed -> failed.withKey(keyId);
        };
    }

    @Override
    public boolean hasOtherKeyThan(String keyId) {
        return settings.keys().hasOtherThan(keyId);
    }

    /** The ids of the models the key may use; fails with a redacted message fit for a health report. */
    @Override
    public List<String> models() throws IOException, InterruptedException {
        Optional<ErrorInfo> refused = refusal();
        if (refused.isPresent()) {
            throw new IOException(refused.get().message());
        }
        ApiKey key = settings.keys().current().orElse(null);
        HttpResponse<String> response;
        try {
            response = send(format.models(key).timeout(settings.healthTimeout()), settings.healthTimeout());
        } catch (TimeoutException e) {
            throw new IOException(
                    provider() + " did not list its models within " + settings.healthTimeout().toMillis() + " ms");
        }
        JsonNode root = ErrorBodies.parse(response.body());
        if (response.statusCode() / 100 != 2 || root == null || format.isError(root)) {
            throw new IOException(failure(response, root, key).error().message());
        }
        return format.modelIds(root);
    }

    private CallResult read(HttpResponse<String> response, ApiKey key, Function<JsonNode, CallResult> reader) {
        JsonNode root = ErrorBodies.parse(response.body());
        if (response.statusCode() / 100 != 2 || root != null && format.isError(root)) {
            return failure(response, root, key);
        }
        if (root == null) {
            return Failures.failed(ErrorCode.PROVIDER_ERROR, provider() + " answered HTTP " + response.statusCode()
                    + " with a body that is not a JSON object: "
                    + Redaction.without(ErrorBodies.snippet(response.body() == null ? "" : response.body()), key));
        }
        CallResult result = reader.apply(root);
        return result instanceof CallResult.Failed failed
                ? Failures.failed(failed.error().code(), Redaction.without(failed.error().message(), key))
                : result;
    }

    private CallResult.Failed failure(HttpResponse<String> response, JsonNode root, ApiKey key) {
        return failure(response.statusCode(), response.headers(), response.body(), root, key);
    }

    /** An error answer, with how long the provider asked us to wait where it is a rate limit or overload. */
    CallResult.Failed failure(int status, HttpHeaders headers, String body, JsonNode root, ApiKey key) {
        ProviderError error = format.error(status, root, body);
        boolean rateLimited = error.code() == ErrorCode.RATE_LIMITED;
        Duration wait = null;
        if (rateLimited || error.code() == ErrorCode.OVERLOADED) {
            wait = RetryAfter.of(headers, rateLimited, clock.instant()).orElse(error.retryDelay());
        }
        return Failures.answered(provider(), status, error, wait, key);
    }

    /**
     * The request timeout alone stops at the response headers; the future's bound covers the body too, and cancelling
     * it aborts the exchange.
     */
    private HttpResponse<String> send(HttpRequest.Builder request, Duration timeout)
            throws IOException, InterruptedException, TimeoutException {
        CompletableFuture<HttpResponse<String>> call = http.sendAsync(request.build(),
                HttpResponse.BodyHandlers.ofString());
        try {
            return call.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException | TimeoutException e) {
            call.cancel(true);
            throw e;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof HttpTimeoutException timedOut
                    && !(timedOut instanceof HttpConnectTimeoutException)) {
                throw new TimeoutException(timedOut.getMessage());
            }
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IOException(e.getCause() == null ? e : e.getCause());
        }
    }
}
