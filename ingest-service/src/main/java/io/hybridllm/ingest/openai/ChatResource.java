package io.hybridllm.ingest.openai;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.RestMulti;
import org.jboss.resteasy.reactive.RestStreamElementType;

import io.hybridllm.contracts.LlmRequest;
import io.hybridllm.contracts.Priority;
import io.hybridllm.contracts.http.Submission;
import io.hybridllm.contracts.json.Json;
import io.hybridllm.ingest.config.IngestConfig;
import io.hybridllm.ingest.requests.IdempotencyKeys;
import io.hybridllm.ingest.requests.Intake;
import io.hybridllm.ingest.rest.RequestView;
import io.hybridllm.ingest.rest.RequestViews;
import io.hybridllm.ingest.rest.SubmissionRules;
import io.hybridllm.ingest.rest.TooLarge;
import io.hybridllm.ingest.rest.WaitParam;
import io.hybridllm.ingest.stream.StreamWatch;
import io.hybridllm.ingest.tenants.Caller;
import io.hybridllm.ingest.tenants.Tenancy;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;

/**
 * OpenAI's chat completions and models, through the same pipeline as every request: the request is made durable and
 * queued, and the answer comes back on the same connection (the wait holds no thread). Without an answer in time, 504
 * names the request, which goes on and can be polled.
 */
@Path("/v1")
@Produces(MediaType.APPLICATION_JSON)
@Blocking
public class ChatResource {

    public static final String REQUEST_ID = "X-Hybrid-Request-Id";
    static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    public record Model(String id, String object, long created, String ownedBy) {
    }

    public record ModelList(String object, List<Model> data) {
    }

    private final Tenancy tenancy;
    private final SubmissionRules rules;
    private final Intake intake;
    private final RequestViews views;
    private final ModelAliases aliases;
    private final IngestConfig config;
    private final ChatStreams streams;

    public ChatResource(Tenancy tenancy, SubmissionRules rules, Intake intake, RequestViews views, ModelAliases aliases,
            IngestConfig config, ChatStreams streams) {
        this.streams = streams;
        this.tenancy = tenancy;
        this.rules = rules;
        this.intake = intake;
        this.views = views;
        this.aliases = aliases;
        this.config = config;
    }

    /**
     * A completion as JSON. With {@code stream: true} the answer is server-sent events all the same: sent as they come
     * to a client that accepts {@code text/event-stream} ({@link #completeStreamed}), and all at once when the answer
     * is complete to one that accepts only JSON (the events' order and content are the same). With an
     * {@code Idempotency-Key} used before for the same body, the earlier request's answer (waited for as for a new one)
     * instead of a new request: a client's retry after a lost connection does not pay twice.
     */
    @POST
    @Path("/chat/completions")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Response> complete(String body, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @HeaderParam("X-Hybrid-Timeout") String timeout, @HeaderParam(IDEMPOTENCY_KEY) String idempotencyKey,
            @Context UriInfo uri) {
        Queued queued = accept(body, authorization, timeout, idempotencyKey, uri);
        if (queued.watch() != null) {
            return queued.watch().frames().collect().asList()
                    .map(events -> Response
                            .ok(String.join("", events.stream().map(e -> "data: " + e + "\n\n").toList()))
                            .type(MediaType.SERVER_SENT_EVENTS).header(REQUEST_ID, queued.id()).build());
        }
        return queued.view().map(view -> answer(view, queued.within(), queued.statusUrl(), queued.replayed()));
    }

    /** A streamed completion to a client that accepts events (the OpenAI SDKs ask so when they stream). */
    @POST
    @Path("/chat/completions")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.TEXT_PLAIN)
    public RestMulti<String> completeStreamed(String body, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @HeaderParam("X-Hybrid-Timeout") String timeout, @HeaderParam(IDEMPOTENCY_KEY) String idempotencyKey,
            @Context UriInfo uri) {
        Queued queued = accept(body, authorization, timeout, idempotencyKey, uri);
        if (queued.watch() == null) {
            throw OpenAiError.failure(406, "not_acceptable",
                    "only a streamed answer is sent as events: set stream to "
                            + "true, or accept application/json; request " + queued.id() + " goes on: poll "
                            + queued.statusUrl(),
                    "stream");
        }
        return streams.relay(queued.watch());
    }

    /**
     * A queued request: {@code watch} is its stream's when it asked for one, else {@code view} its final state;
     * {@code replayed} when an idempotency key named an earlier request.
     */
    private record Queued(String id, Caller caller, Duration within, String statusUrl, boolean replayed,
            StreamWatch watch, Uni<RequestView> view) {
    }

    private Queued accept(String body, String authorization, String timeout, String idempotencyKey, UriInfo uri) {
        Caller caller = tenancy.caller(authorization);
        TooLarge.check("the request", body, config.limits().maxRequestBytes());
        ChatRequest chat = Json.readStrict(body, ChatRequest.class);
        Submission submission = rules.check(chat.toSubmission(aliases.hintFor(chat.model()), Priority.INTERACTIVE),
                caller);
        Duration wait = timeout == null ? config.openai().timeout()
                : WaitParam.parse(timeout, config.openai().timeout());
        if (idempotencyKey != null) {
            IdempotencyKeys.validate(idempotencyKey);
            if (chat.streamed()) {
                throw OpenAiError.failure(400, "unsupported_parameter", IDEMPOTENCY_KEY
                        + " is not supported with stream: true: a replayed request's pieces cannot be shown again;"
                        + " poll the request instead", IDEMPOTENCY_KEY);
            }
        }
        tenancy.admit(submission.tenant(), 1);
        LlmRequest request = submission.toRequest(UUID.randomUUID().toString());
        if (idempotencyKey != null) {
            // A key seen before names the earlier request, whose answer is waited for by its id.
            Intake.Admission admission = intake.accept(request,
                    Optional.of(new Intake.Idempotency(idempotencyKey, IdempotencyKeys.fingerprint(submission))));
            return new Queued(admission.id(), caller, wait, statusUrl(uri, admission.id()), admission.replayed(), null,
                    views.awaitFinal(admission.id(), caller, wait));
        }
        String statusUrl = statusUrl(uri, request.id());
        if (!chat.streamed()) {
            // Awaited before it is queued, so that its reply finds the waiter and is answered from memory.
            Uni<RequestView> view = views.submitAndAwait(request, caller, wait,
                    () -> intake.accept(request, Optional.empty()));
            return new Queued(request.id(), caller, wait, statusUrl, false, null, view);
        }
        // Watched before it is queued, so that its first piece finds the watch.
        StreamWatch watch = streams.open(request.id(), chat.includeUsage());
        try {
            intake.accept(request, Optional.empty());
        } catch (RuntimeException e) {
            watch.fail(500, "internal", "request " + request.id() + " was not queued");
            throw e;
        }
        streams.end(watch, caller, wait, statusUrl);
        return new Queued(request.id(), caller, wait, statusUrl, false, watch, null);
    }

    static String statusUrl(UriInfo uri, String id) {
        return uri.getBaseUriBuilder().path("v1/requests").path(id).build().toString();
    }

    private static Response answer(RequestView view, Duration wait, String statusUrl, boolean replayed) {
        Map<String, String> headers = new HashMap<>(Map.of(REQUEST_ID, view.id(), "Location", statusUrl));
        if (replayed) {
            headers.put("Idempotent-Replayed", "true");
        }
        if ("succeeded".equals(view.status())) {
            Response.ResponseBuilder ok = Response.ok(ChatCompletion.of(view)).type(MediaType.APPLICATION_JSON);
            headers.forEach(ok::header);
            return ok.build();
        }
        throw notAnswered(view, wait, statusUrl, headers);
    }

    /** Why a request that was queued has no answer to show: it failed, or it goes on past the wait. */
    static OpenAiError.Failure notAnswered(RequestView view, Duration wait, String statusUrl,
            Map<String, String> headers) {
        // The request was made and paid for, or still runs: an SDK's automatic retry would make and pay another.
        headers.put(OpenAiError.SHOULD_RETRY, "false");
        if (view.error() == null) {
            return OpenAiError.failure(504, "timeout", "no answer within " + wait.toSeconds() + " s; request "
                    + view.id() + " goes on (" + view.status() + "): poll " + statusUrl, null).withHeaders(headers);
        }
        return ReplyErrors.failure(view.error(), view.id()).withHeaders(headers);
    }

    @GET
    @Path("/models")
    public ModelList models() {
        return new ModelList("list", aliases.ids().stream().map(ChatResource::modelOf).toList());
    }

    @GET
    @Path("/models/{model: .+}")
    public Model retrieveModel(@PathParam("model") String id) {
        if (!aliases.ids().contains(id)) {
            throw OpenAiError.failure(404, "model_not_found", "The model '" + id + "' does not exist", "model");
        }
        return modelOf(id);
    }

    private static Model modelOf(String id) {
        return new Model(id, "model", 0, "hybrid-llm");
    }
}
