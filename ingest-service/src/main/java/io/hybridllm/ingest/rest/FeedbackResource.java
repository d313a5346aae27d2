package io.hybridllm.ingest.rest;

import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.hybridllm.contracts.Feedback;
import io.hybridllm.contracts.RequestOutcome;
import io.hybridllm.contracts.json.InvalidMessageException;
import io.hybridllm.ingest.feedback.FeedbackIntake;
import io.hybridllm.ingest.feedback.FeedbackReader;
import io.hybridllm.ingest.feedback.FeedbackRefused;
import io.hybridllm.ingest.tenants.Caller;
import io.hybridllm.ingest.tenants.Tenancy;
import io.smallrye.common.annotation.Blocking;

/**
 * A client's judgement of an answer it got: published for the router to learn from (see {@link FeedbackIntake}). The id
 * is the request's, or the id of the chat completion that answered it ({@code chatcmpl-<request id>}).
 */
@Path("/v1/requests/{id}/feedback")
@Produces(MediaType.APPLICATION_JSON)
@Blocking
public class FeedbackResource {

    public record Recorded(String requestId, double score, boolean recorded) {
    }

    private final Tenancy tenancy;
    private final FeedbackIntake intake;

    public FeedbackResource(Tenancy tenancy, FeedbackIntake intake) {
        this.tenancy = tenancy;
        this.intake = intake;
    }

    /** 202 once the feedback is in Kafka; 404 for a request the caller cannot see, 409 for one without an answer. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response give(@PathParam("id") String id, String body,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        Caller caller = tenancy.caller(authorization);
        TooLarge.check("the feedback", body, FeedbackReader.MAX_BYTES);
        Feedback feedback = FeedbackReader.read(body, true);
        if (feedback.requestId() != null && !feedback.requestId().equals(id)) {
            throw new InvalidMessageException("request_id",
                    "is " + feedback.requestId() + ", but the path names " + id + "; leave it out");
        }
        RequestOutcome outcome;
        try {
            outcome = intake.record(id, caller::canSee, feedback);
        } catch (FeedbackRefused refused) {
            throw switch (refused.why()) {
                case NOT_FOUND -> new NotFoundException(refused.getMessage());
                case NOT_ANSWERED -> new ClientErrorException(refused.getMessage(), Response.Status.CONFLICT);
            };
        }
        return Response.accepted(new Recorded(outcome.requestId(), feedback.score(), true)).build();
    }
}
