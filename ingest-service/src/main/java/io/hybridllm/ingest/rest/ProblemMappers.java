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
    public Response enqueueFailed(Intake.EnqueueFailedException e) {
        LOG.warn(e.getMessage());
        return Response.fromResponse(problem(Problem.of("unavailable", "Request not accepted", 503,
                e.getMessage() + "; nothing was stored, retry later"))).header("Retry-After", "5").build();
    }

    private static Response problem(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }
}
