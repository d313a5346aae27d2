package io.hybridllm.router.rest;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.hybridllm.contracts.LlmRequest;
import io.hybridllm.contracts.http.Problem;
import io.hybridllm.contracts.http.Submission;
import io.hybridllm.contracts.json.InvalidMessageException;
import io.hybridllm.contracts.json.Json;
import io.hybridllm.router.routing.TierRouter;
import io.hybridllm.router.routing.UnroutableException;

/**
 * {@code POST /v1/route/explain}: the decision the router would make for a submission, with its score, factors and
 * reasons, without submitting anything. Takes the same body as {@code POST /v1/requests}; {@code ?tenant=<id>} scores
 * it as that tenant (whose past outcomes learned scoring consults), over the body's {@code tenant}.
 * {@link ExplainGuard} checks its size and the admin token before the body is read.
 */
@Path(ExplainResource.PATH)
public class ExplainResource {

    static final String PATH = "/v1/route/explain";

    private final TierRouter router;

    public ExplainResource(TierRouter router) {
        this.router = router;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public String explain(String body, @RestQuery String tenant) {
        Submission submission = Json.readStrict(body, Submission.class);
        if (tenant != null) {
            // Scored as that tenant: learned scoring consults only the tenant's own past outcomes.
            submission = new Submission(tenant, submission.jobId(), submission.taskType(), submission.messages(),
                    submission.options(), submission.hints(), submission.replyTo(), submission.callbackUrl(),
                    submission.inputs(), submission.dimensions());
        }
        LlmRequest request = submission.toRequest("explain");
        return Json.write(router.decide(request));
    }

    /** What the request would get: a failed reply with this reason. */
    @ServerExceptionMapper
    public Response unroutable(UnroutableException e) {
        return Response.status(503).type(Problem.MEDIA_TYPE)
                .entity(Json.write(Problem.of("no-usable-tier", "No usable tier", 503, e.getMessage()))).build();
    }

    @ServerExceptionMapper
    public Response invalid(InvalidMessageException e) {
        return Response.status(400).type(Problem.MEDIA_TYPE)
                .entity(Json.write(Problem.invalid("invalid-request", "Invalid request", e))).build();
    }
}
