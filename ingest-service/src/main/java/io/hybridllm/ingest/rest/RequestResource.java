package io.hybridllm.ingest.rest;

import java.net.URI;
import java.util.UUID;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import io.hybridllm.contracts.LlmRequest;
import io.hybridllm.contracts.http.Submission;
import io.hybridllm.contracts.json.Json;
import io.hybridllm.ingest.requests.Intake;
import io.hybridllm.ingest.requests.RequestStore;
import io.smallrye.common.annotation.Blocking;

/** Asynchronous submit and poll. */
@Path("/v1/requests")
@Produces(MediaType.APPLICATION_JSON)
@Blocking
public class RequestResource {

    private final Intake intake;
    private final RequestStore store;

    public RequestResource(Intake intake, RequestStore store) {
        this.intake = intake;
        this.store = store;
    }

    /** 202 once the request is stored and in Kafka; the body is read strictly so that typos are reported. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response submit(String body, @Context UriInfo uri) {
        LlmRequest request = Json.readStrict(body, Submission.class).toRequest(UUID.randomUUID().toString());
        intake.accept(request);
        URI statusUrl = uri.getBaseUriBuilder().path("v1/requests").path(request.id()).build();
        return Response.accepted(new Accepted(request.id(), "queued", statusUrl.toString())).location(statusUrl)
                .build();
    }

    @GET
    @Path("/{id}")
    public RequestView get(@PathParam("id") String id) {
        return store.find(id).map(RequestView::of).orElseThrow(() -> new NotFoundException("no request with id " + id));
    }
}
