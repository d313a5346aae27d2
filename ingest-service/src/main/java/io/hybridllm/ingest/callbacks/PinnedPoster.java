package io.hybridllm.ingest.callbacks;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;

/**
 * POSTs a callback to the address its target was checked at ({@link CallbackTarget#address()}), with the URL's host in
 * {@code Host} and in TLS SNI and certificate verification: the name is never resolved again, so it cannot be rebound
 * to a private address between the check and the call. Redirects are not followed (a 3xx is an answer like any other),
 * and the answer's body is not read: the status is all a delivery records, and a hostile receiver cannot make ingest
 * buffer an endless body.
 */
final class PinnedPoster {

    private final HttpClient client;
    private final Duration timeout;

    PinnedPoster(Vertx vertx, Duration timeout) {
        this.timeout = timeout;
        this.client = vertx.createHttpClient(new HttpClientOptions().setConnectTimeout((int) timeout.toMillis())
                .setKeepAlive(false).setVerifyHost(true).setMaxRedirects(0));
    }

    /** The answer's status code; completes exceptionally on a connection failure or when the timeout passes. */
    CompletableFuture<Integer> post(CallbackTarget target, Map<String, String> headers, String body) {
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.POST)
                .setServer(SocketAddress.inetSocketAddress(target.port(), target.address().getHostAddress()))
                .setHost(target.uri().getHost()).setPort(target.port()).setSsl(target.tls())
                .setURI(target.pathAndQuery()).setFollowRedirects(false).setTimeout(timeout.toMillis());
        headers.forEach(options::putHeader);
        return client.request(options).compose(request -> request.send(Buffer.buffer(body))).map(response -> {
            int status = response.statusCode();
            // The body is not wanted: closing the connection (no keep-alive) discards it.
            response.request().connection().close();
            return status;
        }).toCompletionStage().toCompletableFuture();
    }

    void close() {
        client.close();
    }
}
