package io.hybridllm.router.rest;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.hybridllm.contracts.http.AdminToken;
import io.hybridllm.contracts.http.Problem;
import io.hybridllm.contracts.json.Json;
import io.hybridllm.runtime.UnreadBody;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Checks a {@code POST /v1/route/explain} before its body is read: a declared length over
 * {@code quarkus.http.limits.max-body-size} is a 413, and with {@code HYBRID_ADMIN_TOKEN} set the call needs it, as
 * {@code PUT /v1/policy} does (401 otherwise). Explain scores and scans the whole prompt, so an anonymous caller must
 * not make the router read megabytes. Without a token (development, {@code ./hybrid up}) explain stays open. A body
 * sent without a length (chunked) is cut off at the same limit by Quarkus itself.
 */
@ApplicationScoped
public class ExplainGuard {

    private final Optional<AdminToken> adminToken;
    private final long maxBodyBytes;

    public ExplainGuard(@ConfigProperty(name = "hybrid.admin.token") Optional<String> token,
            @ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize maxBodySize) {
        this.adminToken = token.filter(t -> !t.isBlank())
                .map(t -> new AdminToken(Optional.of(t), "explain routing decisions"));
        this.maxBodyBytes = maxBodySize.asLongValue();
    }

    /** Runs ahead of Quarkus's own size check, so that a refusal is a problem document rather than an empty 413. */
    void install(@Observes Router router) {
        // The size of every body (PUT /v1/policy too), then explain's token.
        router.route().order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 1)
                .handler(context -> check(context, tooLarge(context.request().getHeader(HttpHeaders.CONTENT_LENGTH))));
        router.post(ExplainResource.PATH).order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 1)
                .handler(context -> check(context,
                        adminToken.flatMap(t -> t.refusal(context.request().getHeader(HttpHeaders.AUTHORIZATION)))));
    }

    private static void check(RoutingContext context, Optional<Problem> refusal) {
        if (refusal.isEmpty()) {
            context.next();
            return;
        }
        Problem problem = refusal.get();
        var response = context.response().setStatusCode(problem.status()).putHeader(HttpHeaders.CONTENT_TYPE,
                Problem.MEDIA_TYPE);
        if (problem.status() == 401) {
            response.putHeader("WWW-Authenticate", "Bearer");
        }
        UnreadBody.refuse(context, Json.write(problem));
    }

    private Optional<Problem> tooLarge(String contentLength) {
        long length;
        try {
            length = contentLength == null ? -1 : Long.parseLong(contentLength.strip());
        } catch (NumberFormatException e) {
            return Optional.of(Problem.of("invalid-request", "Invalid request", 400, "Content-Length is not a number"));
        }
        if (length <= maxBodyBytes) {
            return Optional.empty();
        }
        return Optional.of(Problem.of("too-large", "Payload too large", 413, "the body has " + length
                + " bytes; the router takes at most " + maxBodyBytes + " (quarkus.http.limits.max-body-size)"));
    }
}
