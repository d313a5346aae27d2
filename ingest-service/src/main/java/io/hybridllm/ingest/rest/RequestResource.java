package io.hybridllm.ingest.rest;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import io.hybridllm.contracts.http.Submission;
import io.hybridllm.contracts.json.Json;
import io.hybridllm.ingest.callbacks.CallbackOutbox;
import io.hybridllm.ingest.config.IngestConfig;
import io.hybridllm.ingest.requests.Cancelling;
import io.hybridllm.ingest.requests.Completions;
import io.hybridllm.ingest.requests.IdempotencyKeys;
import io.hybridllm.ingest.requests.Intake;
import io.hybridllm.ingest.requests.RequestStatus;
import io.hybridllm.ingest.requests.RequestStore;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;

/** Asynchronous submit and poll. */
@Path("/v1/requests")
@Produces(MediaType.APPLICATION_JSON)
@Blocking
public class RequestResource {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private final Intake intake;
    private final RequestStore store;
    private final Completions completions;
    private final Cancelling cancelling;
    private final CallbackOutbox outbox;
    private final SubmissionRules rules;
    private final IngestConfig config;

    public RequestResource(Intake intake, RequestStore store, Completions completions, Cancelling cancelling,
            CallbackOutbox outbox, SubmissionRules rules, IngestConfig config) {
        this.intake = intake;
        this.outbox = outbox;
        this.rules = rules;
        this.store = store;
        this.completions = completions;
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
    public Response submit(String body, @HeaderParam(IDEMPOTENCY_KEY) String idempotencyKey, @Context UriInfo uri) {
        Submission submission = rules.check(Json.readStrict(body, Submission.class));
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
        String status = view(admission.id()).status();
        return Response.ok(new Accepted(admission.id(), status, statusUrl.toString())).location(statusUrl)
                .header("Idempotent-Replayed", "true").build();
    }

    /**
     * The request's status and result. With {@code ?wait=30s}, answers as soon as it reaches a final state, or with its
     * state at the timeout; the wait holds no thread.
     */
    @GET
    @Path("/{id}")
    public Uni<RequestView> get(@PathParam("id") String id, @QueryParam("wait") String wait) {
        Duration timeout = WaitParam.parse(wait, config.longPoll().max());
        RequestView now = view(id);
        if (timeout.isZero() || isFinal(now)) {
            return Uni.createFrom().item(now);
        }
        CompletableFuture<Void> reached = completions.await(id, timeout);
        // Read again now that the waiter is registered: a final state committed in between would otherwise be missed.
        RequestView again = view(id);
        if (isFinal(again)) {
            reached.complete(null);
            return Uni.createFrom().item(again);
        }
        return Uni.createFrom().completionStage(reached).emitOn(Infrastructure.getDefaultWorkerPool())
                .map(done -> view(id));
    }

    /**
     * Cancels a request that has not ended: 200 with its state (also when it was cancelled before), 409 when it ended
     * otherwise. A worker that has not started it skips it; a call already under way is finished.
     */
    @DELETE
    @Path("/{id}")
    public RequestView cancel(@PathParam("id") String id) {
        switch (cancelling.cancel(id)) {
            case NOT_FOUND -> throw new NotFoundException("no request with id " + id);
            case ALREADY_ENDED -> throw new ClientErrorException(
                    "request " + id + " has already ended as " + view(id).status() + "; there is nothing to cancel",
                    Response.Status.CONFLICT);
            default -> {
                return view(id);
            }
        }
    }

    private RequestView view(String id) {
        return QuarkusTransaction.joiningExisting()
                .call(() -> store.find(id).map(row -> RequestView.of(row, outbox.find(id).orElse(null))))
                .orElseThrow(() -> new NotFoundException("no request with id " + id));
    }

    private static boolean isFinal(RequestView view) {
        return RequestStatus.valueOf(view.status().toUpperCase(Locale.ROOT)).isFinal();
    }
}
