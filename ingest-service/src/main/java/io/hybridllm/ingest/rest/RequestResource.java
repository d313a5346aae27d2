package io.hybridllm.ingest.rest;

import java.net.URI;
import java.util.Optional;
import java.util.UUID;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import io.hybridllm.contracts.http.Submission;
import io.hybridllm.contracts.json.Json;
import io.hybridllm.ingest.requests.IdempotencyKeys;
import io.hybridllm.ingest.requests.Intake;
import io.hybridllm.ingest.requests.RequestStore;
import io.smallrye.common.annotation.Blocking;

/** Asynchronous submit and poll. */
@Path("/v1/requests")
@Produces(MediaType.APPLICATION_JSON)
@Blocking
public class RequestResource {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private final Intake intake;
    private final RequestStore store;

    public RequestResource(Intake intake, RequestStore store) {
        this.intake = intake;
        this.store = store;
    }

    /**
     * 202 once the request is stored and in Kafka; the body is read strictly so that typos are reported. With an
     * {@code Idempotency-Key} that was used before for the same body, 200 with the earlier request instead: nothing new
     * was created.
     */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response submit(String body, @HeaderParam(IDEMPOTENCY_KEY) String idempotencyKey, @Context UriInfo uri) {
        Submission submission = Json.readStrict(body, Submission.class);
        Optional<Intake.Idempotency> idempotency = Optional.ofNullable(idempotencyKey).map(key -> {
            IdempotencyKeys.validate(key);
            return new Intake.Idempotency(key, IdempotencyKeys.fingerprint(submission));
        });
        Intake.Admission admission = intake.accept(submission.toRequest(UUID.randomUUID().toString()), idempotency);
        URI statusUrl = uri.getBaseUriBuilder().path("v1/requests").path(admission.id()).build();
        if (!admission.replayed()) {
            return Response.accepted(new Accepted(admission.id(), "queued", statusUrl.toString())).location(statusUrl)
                    .build();
        }
        String status = store.find(admission.id()).map(row -> RequestView.of(row).status()).orElse("queued");
        return Response.ok(new Accepted(admission.id(), status, statusUrl.toString())).location(statusUrl)
                .header("Idempotent-Replayed", "true").build();
    }

    @GET
    @Path("/{id}")
    public RequestView get(@PathParam("id") String id) {
        return store.find(id).map(RequestView::of).orElseThrow(() -> new NotFoundException("no request with id " + id));
    }
}
