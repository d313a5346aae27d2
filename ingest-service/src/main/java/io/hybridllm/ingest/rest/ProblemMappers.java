package io.hybridllm.ingest.rest;

import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.hybridllm.contracts.http.Problem;
import io.hybridllm.contracts.json.InvalidMessageException;
import io.hybridllm.ingest.requests.IdempotencyKeys;
import io.hybridllm.ingest.requests.Intake;
import io.hybridllm.ingest.tenants.Forbidden;
import io.hybridllm.ingest.tenants.RateLimited;
import io.hybridllm.ingest.tenants.Unauthenticated;

/** Every error an HTTP client can cause or meet, as problem+json. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response invalid(InvalidMessageException e) {
        return problem(Problem.invalid("invalid-request", "Invalid request", e));
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e) {
        return problem(Problem.of("not-found", "Not found", 404, e.getMessage()));
    }

    @ServerExceptionMapper
    public Response conflict(ClientErrorException e) {
        int status = e.getResponse().getStatus();
        return problem(Problem.of(status == 409 ? "conflict" : "client-error",
                e.getResponse().getStatusInfo().getReasonPhrase(), status, e.getMessage()));
    }

    @ServerExceptionMapper
    public Response keyReused(IdempotencyKeys.KeyReusedException e) {
        return problem(new Problem("urn:hybrid-llm:problem:idempotency-key-reused", "Idempotency-Key reused", 409,
                e.getMessage(), "Idempotency-Key"));
    }

    @ServerExceptionMapper
    public Response unauthenticated(Unauthenticated e) {
        return Response.fromResponse(problem(Problem.of("unauthenticated", "Unauthenticated", 401, e.getMessage())))
                .header("WWW-Authenticate", "Bearer").build();
    }

    @ServerExceptionMapper
    public Response forbidden(Forbidden e) {
        return problem(Problem.of("forbidden", "Forbidden", 403, e.getMessage()));
    }

    @ServerExceptionMapper
    public Response rateLimited(RateLimited e) {
        long seconds = Math.max(1, (e.retryAfter().toMillis() + 999) / 1000);
        return Response
                .fromResponse(problem(Problem.of("rate-limited", "Too many requests", 429,
                        e.getMessage() + "; retry in " + seconds + " s")))
                .header("Retry-After", String.valueOf(seconds)).build();
    }

    @ServerExceptionMapper
    public Response tooLarge(TooLarge e) {
        return problem(Problem.of("too-large", "Payload too large", 413, e.getMessage()));
    }

    @ServerExceptionMapper
    public Response enqueueFailed(Intake.EnqueueFailedException e) {
        LOG.warn(e.getMessage());
        return Response.fromResponse(problem(Problem.of("unavailable", "Request not accepted", 503,
                e.getMessage() + "; nothing was stored, retry later"))).header("Retry-After", "5").build();
    }

    private static Response problem(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }
}
