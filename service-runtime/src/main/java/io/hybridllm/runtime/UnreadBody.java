package io.hybridllm.runtime;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.RoutingContext;

/**
 * A refusal sent before the request's body was read (over a limit, or not allowed), and the client told to stop sending
 * the body, so that what was refused costs no more than the refusal. Without it a client sent all it declared before it
 * took the answer, and the server read it: a declared 256 MB in full, on either protocol.
 */
public final class UnreadBody {

    /** How much of a refused HTTP/1 body is read and dropped, at most, before its connection is closed. */
    private static final long LINGER_BYTES = 1 << 20;
    private static final Duration LINGER = Duration.ofSeconds(2);

    private UnreadBody() {
    }

    /** Ends the response (status and headers set) with {@code body}, and stops the request's body. */
    public static void refuse(RoutingContext context, String body) {
        HttpServerResponse response = context.response();
        if (context.request().version() == HttpVersion.HTTP_2) {
            // The whole response, then RST_STREAM with NO_ERROR, which asks the client to stop sending (RFC 9113,
            // 8.1). HTTP/2 has no Connection header: clients refuse a response with it.
            response.end(body).onComplete(sent -> response.reset(0));
        } else {
            // HTTP/1 can stop a body only by closing the connection, and Vert.x would read all of it first. Closed at
            // once, a client still sending may lose the answer to the reset; so what follows is read and dropped up
            // to a bound, in bytes and in time, and then the connection is closed (a "lingering close").
            response.putHeader(HttpHeaders.CONNECTION, "close").end(body)
                    .onComplete(sent -> lingerThenClose(context.request(), context.vertx()));
        }
    }

    private static void lingerThenClose(HttpServerRequest request, Vertx vertx) {
        HttpConnection connection = request.connection();
        if (request.isEnded()) {
            // All of it had arrived: nothing to linger for (and a handler may no longer be set).
            connection.close();
            return;
        }
        // Closing a connection that is closed already does nothing: the timer need not be cancelled.
        vertx.setTimer(LINGER.toMillis(), id -> connection.close());
        AtomicLong left = new AtomicLong(LINGER_BYTES);
        request.handler(chunk -> {
            if (left.addAndGet(-chunk.length()) < 0) {
                connection.close();
            }
        });
        request.endHandler(end -> connection.close());
        request.resume();
    }
}
