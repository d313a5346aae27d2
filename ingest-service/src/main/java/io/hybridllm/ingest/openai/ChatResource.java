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

    public ChatResource(Tenancy tenancy, SubmissionRules rules, Intake intake, RequestViews views, ModelAliases aliases,
            IngestConfig config) {
        this.tenancy = tenancy;
        this.rules = rules;
        this.intake = intake;
        this.views = views;
        this.aliases = aliases;
        this.config = config;
    }

    /**
     * With an {@code Idempotency-Key} used before for the same body, the earlier request's answer (waited for as for a
     * new one) instead of a new request: a client's retry after a lost connection does not pay twice.
     */
    @POST
    @Path("/chat/completions")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Response> complete(String body, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @HeaderParam("X-Hybrid-Timeout") String timeout, @HeaderParam(IDEMPOTENCY_KEY) String idempotencyKey,
            @Context UriInfo uri) {
        Caller caller = tenancy.caller(authorization);
        TooLarge.check("the request", body, config.limits().maxRequestBytes());
        ChatRequest chat = Json.readStrict(body, ChatRequest.class);
        Submission submission = rules.check(chat.toSubmission(aliases.hintFor(chat.model()), Priority.INTERACTIVE),
                caller);
        Duration wait = timeout == null ? config.openai().timeout()
                : WaitParam.parse(timeout, config.openai().timeout());
        tenancy.admit(submission.tenant(), 1);
        Optional<Intake.Idempotency> idempotency = Optional.ofNullable(idempotencyKey).map(key -> {
            IdempotencyKeys.validate(key);
            return new Intake.Idempotency(key, IdempotencyKeys.fingerprint(submission));
        });
        Intake.Admission admission = intake.accept(submission.toRequest(UUID.randomUUID().toString()), idempotency);
        String statusUrl = uri.getBaseUriBuilder().path("v1/requests").path(admission.id()).build().toString();
        return views.awaitFinal(admission.id(), caller, wait)
                .map(view -> answer(view, wait, statusUrl, admission.replayed()));
    }

    private static Response answer(RequestView view, Duration wait, String statusUrl, boolean replayed) {
        Map<String, String> headers = new HashMap<>(Map.of(REQUEST_ID, view.id(), "Location", statusUrl));
        if (replayed) {
            headers.put("Idempotent-Replayed", "true");
        }
        if ("succeeded".equals(view.status())) {
            Response.ResponseBuilder ok = Response.ok(ChatCompletion.of(view));
            headers.forEach(ok::header);
            return ok.build();
        }
        // The request was made and paid for, or still runs: an SDK's automatic retry would make and pay another.
        headers.put(OpenAiError.SHOULD_RETRY, "false");
        if (view.error() == null) {
            throw OpenAiError.failure(504, "timeout", "no answer within " + wait.toSeconds() + " s; request "
                    + view.id() + " goes on (" + view.status() + "): poll " + statusUrl, null).withHeaders(headers);
        }
        throw ReplyErrors.failure(view.error(), view.id()).withHeaders(headers);
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
