package io.hybridllm.ingest.rest;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ServerErrorException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.RestMulti;
import org.jboss.resteasy.reactive.RestStreamElementType;

import io.hybridllm.contracts.http.Submission;
import io.hybridllm.ingest.config.IngestConfig;
import io.hybridllm.ingest.openai.ChatStreams;
import io.hybridllm.ingest.openai.ChunkEvents;
import io.hybridllm.ingest.requests.Cancelling;
import io.hybridllm.ingest.requests.IdempotencyKeys;
import io.hybridllm.ingest.requests.Intake;
import io.hybridllm.ingest.stream.StreamRelay;
import io.hybridllm.ingest.stream.StreamWatch;
import io.hybridllm.ingest.tenants.Caller;
import io.hybridllm.ingest.tenants.Tenancy;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;

/** Asynchronous submit, poll and cancel; every call as its tenant (see {@link Tenancy}). */
@Path("/v1/requests")
@Produces(MediaType.APPLICATION_JSON)
@Blocking
public class RequestResource {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private final Tenancy tenancy;
    private final SubmissionRules rules;
    private final Intake intake;
    private final RequestViews views;
    private final Cancelling cancelling;
    private final IngestConfig config;
    private final StreamRelay relay;
    private final ChatStreams streams;

    public RequestResource(Tenancy tenancy, SubmissionRules rules, Intake intake, RequestViews views,
            Cancelling cancelling, IngestConfig config, StreamRelay relay, ChatStreams streams) {
        this.relay = relay;
        this.streams = streams;
        this.tenancy = tenancy;
        this.rules = rules;
        this.intake = intake;
        this.views = views;
        this.cancelling = cancelling;
        this.config = config;
    }

    /**
     * 202 once the request is stored and in Kafka; the body is read strictly so that typos are reported. With an
     * {@code Idempotency-Key} that was used before for the same body, 200 with the earlier request instead: nothing new
     * was created.
     */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response submit(String body, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @HeaderParam(IDEMPOTENCY_KEY) String idempotencyKey, @Context UriInfo uri) {
        Caller caller = tenancy.caller(authorization);
        Submission submission = rules.read(body, caller);
        tenancy.admit(submission.tenant(), 1);
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
        String status = views.get(admission.id(), caller).status();
        return Response.ok(new Accepted(admission.id(), status, statusUrl.toString())).location(statusUrl)
                .header("Idempotent-Replayed", "true").build();
    }

    /**
     * The request's status and result. With {@code ?wait=30s}, answers as soon as it reaches a final state, or with its
     * state at the timeout; the wait holds no thread.
     */
    @GET
    @Path("/{id}")
    public Uni<RequestView> get(@PathParam("id") String id, @QueryParam("wait") String wait,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        Caller caller = tenancy.caller(authorization);
        return views.awaitFinal(id, caller, WaitParam.parse(wait, config.longPoll().max()));
    }

    /**
     * The request's answer as server-sent events, the same {@code chat.completion.chunk} events as a streamed chat
     * completion (usage included), as the worker streams it when the request asked for {@code options.stream}; the
     * answer comes whole when the request did not, or had begun before the client connected. Ends at the request's
     * final state, or with an error event at {@code wait}.
     */
    @GET
    @Path("/{id}/stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.TEXT_PLAIN)
    public RestMulti<String> stream(@PathParam("id") String id, @QueryParam("wait") String wait,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @Context UriInfo uri) {
        Caller caller = tenancy.caller(authorization);
        views.get(id, caller);
        StreamWatch watch = relay.watch(id, new ChunkEvents(id, true))
                .orElseThrow(() -> new ServerErrorException(
                        "this gateway replica has " + StreamRelay.MAX_WATCHES + " streams open; retry shortly",
                        Response.Status.SERVICE_UNAVAILABLE));
        String statusUrl = uri.getBaseUriBuilder().path("v1/requests").path(id).build().toString();
        Duration within = WaitParam.parse(wait, config.longPoll().max());
        streams.end(watch, caller, within, statusUrl);
        return streams.relay(watch);
    }

    /**
     * Cancels a request that has not ended: 200 with its state (also when it was cancelled before), 409 when it ended
     * otherwise. A worker that has not started it skips it; a call already under way is finished.
     */
    @DELETE
    @Path("/{id}")
    public RequestView cancel(@PathParam("id") String id,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        Caller caller = tenancy.caller(authorization);
        views.get(id, caller);
        switch (cancelling.cancel(id)) {
            case NOT_FOUND -> throw new NotFoundException("no request with id " + id);
            case ALREADY_ENDED -> throw new ClientErrorException("request " + id + " has already ended as "
                    + views.get(id, caller).status() + "; there is nothing to cancel", Response.Status.CONFLICT);
            default -> {
                return views.get(id, caller);
            }
        }
    }
}
