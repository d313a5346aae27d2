package io.hybridllm.ingest.http;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.hybridllm.contracts.http.Problem;
import io.hybridllm.contracts.json.Json;
import io.hybridllm.ingest.openai.OpenAiError;
import io.hybridllm.runtime.UnreadBody;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;

/**
 * Refuses a body over its route's limit from its {@code Content-Length}, before a byte of it is read and before any
 * authentication: a 413 in the path's error shape, and the client told to stop sending the rest ({@link UnreadBody}). A
 * body of unknown length (chunked) is refused with 411 on routes of single requests, since it would be buffered up to
 * the global limit before the route's own could be checked; batch and file routes take it, bounded by the global limit.
 */
@ApplicationScoped
public class BodyLimitFilter {

    /** Before every other filter (CORS, authentication, the REST routes). */
    private static final int PRIORITY = 10_000;

    private final BodyLimits limits;

    public BodyLimitFilter(BodyLimits limits) {
        this.limits = limits;
    }

    void register(@Observes Filters filters) {
        filters.register(this::filter, PRIORITY);
    }

    void filter(RoutingContext context) {
        String method = context.request().method().name();
        String path = context.normalizedPath();
        long limit = limits.of(method, path);
        String length = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null) {
            long declared = parse(length);
            if (declared > limit) {
                refuse(context, 413, "too-large", "Payload too large",
                        "the body is " + declared + " bytes; the limit of " + method + " " + path + " is " + limit);
                return;
            }
        } else if (isChunked(context) && !limits.takesUnknownLength(method, path)) {
            refuse(context, 411, "length-required", "Length required",
                    "send Content-Length with the body; the limit of " + method + " " + path + " is " + limit);
            return;
        }
        context.next();
    }

    private static boolean isChunked(RoutingContext context) {
        String encoding = context.request().getHeader(HttpHeaders.TRANSFER_ENCODING);
        return encoding != null && encoding.toLowerCase().contains("chunked");
    }

    /** A malformed length is Vert.x's to refuse; here it counts as over any limit. */
    private static long parse(String length) {
        try {
            return Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }

    private static void refuse(RoutingContext context, int status, String type, String title, String detail) {
        Problem problem = Problem.of(type, title, status, detail);
        boolean openAi = OpenAiError.isOpenAiPath(context.normalizedPath());
        String body = openAi ? Json.write(OpenAiError.of(problem).body()) : Json.write(problem);
        context.response().setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE,
                openAi ? "application/json" : Problem.MEDIA_TYPE);
        UnreadBody.refuse(context, body);
    }
}
