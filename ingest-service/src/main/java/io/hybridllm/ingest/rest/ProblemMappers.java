package io.hybridllm.ingest.rest;

import jakarta.persistence.PersistenceException;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.hybridllm.contracts.http.Problem;
import io.hybridllm.contracts.json.InvalidMessageException;
import io.hybridllm.ingest.openai.OpenAiError;
import io.hybridllm.ingest.requests.IdempotencyKeys;
import io.hybridllm.ingest.requests.Intake;
import io.hybridllm.ingest.tenants.Forbidden;
import io.hybridllm.ingest.tenants.RateLimited;
import io.hybridllm.ingest.tenants.Unauthenticated;
import io.hybridllm.runtime.DatabaseOutage;
import io.quarkus.narayana.jta.QuarkusTransactionException;

/**
 * Every error an HTTP client can cause or meet: as problem+json, or, on the OpenAI-compatible paths, as OpenAI's error
 * object, so that OpenAI's SDKs raise their usual exceptions.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response invalid(InvalidMessageException e, UriInfo uri) {
        return respond(Problem.invalid("invalid-request", "Invalid request", e), uri);
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e, UriInfo uri) {
        return respond(Problem.of("not-found", "Not found", 404, e.getMessage()), uri);
    }

    @ServerExceptionMapper
    public Response conflict(ClientErrorException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        return respond(Problem.of(status == 409 ? "conflict" : "client-error",
                e.getResponse().getStatusInfo().getReasonPhrase(), status, e.getMessage()), uri);
    }

    @ServerExceptionMapper
    public Response keyReused(IdempotencyKeys.KeyReusedException e, UriInfo uri) {
        // A retry with the same key and body would be refused alike; OpenAI's SDKs would retry a 409.
        return Response
                .fromResponse(respond(new Problem("urn:hybrid-llm:problem:idempotency-key-reused",
                        "Idempotency-Key reused", 409, e.getMessage(), "Idempotency-Key"), uri))
                .header(OpenAiError.SHOULD_RETRY, "false").build();
    }

    @ServerExceptionMapper
    public Response unauthenticated(Unauthenticated e, UriInfo uri) {
        return Response
                .fromResponse(respond(Problem.of("unauthenticated", "Unauthenticated", 401, e.getMessage()), uri))
                .header("WWW-Authenticate", "Bearer").build();
    }

    @ServerExceptionMapper
    public Response forbidden(Forbidden e, UriInfo uri) {
        return respond(Problem.of("forbidden", "Forbidden", 403, e.getMessage()), uri);
    }

    @ServerExceptionMapper
    public Response rateLimited(RateLimited e, UriInfo uri) {
        long seconds = Math.max(1, (e.retryAfter().toMillis() + 999) / 1000);
        return Response
                .fromResponse(respond(Problem.of("rate-limited", "Too many requests", 429,
                        e.getMessage() + "; retry in " + seconds + " s"), uri))
                .header("Retry-After", String.valueOf(seconds)).build();
    }

    @ServerExceptionMapper
    public Response tooLarge(TooLarge e, UriInfo uri) {
        return respond(Problem.of("too-large", "Payload too large", 413, e.getMessage()), uri);
    }

    @ServerExceptionMapper
    public Response enqueueFailed(Intake.EnqueueFailedException e, UriInfo uri) {
        LOG.warn(e.getMessage());
        return Response.fromResponse(respond(Problem.of("unavailable", "Request not accepted", 503,
                e.getMessage() + "; nothing was stored, retry later"), uri)).header("Retry-After", "5").build();
    }

    /**
     * PostgreSQL cannot be reached, was restarted under an open transaction, or every pooled connection stayed busy
     * past the acquisition timeout (during a database or broker restart): nothing was stored, so the client may retry,
     * as for a refused Kafka send. Any other database failure is a defect, logged and answered 500.
     */
    @ServerExceptionMapper({ PersistenceException.class, QuarkusTransactionException.class })
    public Response databaseFailure(RuntimeException e, UriInfo uri) {
        if (!DatabaseOutage.isOutage(e)) {
            LOG.error("database error", e);
            return respond(Problem.of("internal", "Internal error", 500, "a database error; see the service log"), uri);
        }
        LOG.warn("database unavailable: " + e.getMessage());
        return Response
                .fromResponse(respond(Problem.of("unavailable", "Database unavailable", 503,
                        "the database cannot be reached right now; retry later"), uri))
                .header("Retry-After", "2").build();
    }

    @ServerExceptionMapper
    public Response openAi(OpenAiError.Failure e) {
        return e.response();
    }

    private static Response respond(Problem problem, UriInfo uri) {
        if (OpenAiError.isOpenAiPath(uri.getPath())) {
            return OpenAiError.of(problem).response();
        }
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }
}
