package io.hybridllm.ingest.openai;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import io.hybridllm.contracts.LlmRequest;
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
 * OpenAI's embeddings ({@code POST /v1/embeddings}), through the same pipeline as every request: an embed request made
 * durable and routed by the policy's {@code embed} route, its vectors answered on the same connection as for chat
 * completions (the wait holds no thread). Without an answer in time, 504 names the request, which can be polled.
 */
@Path("/v1")
@Produces(MediaType.APPLICATION_JSON)
@Blocking
public class EmbeddingsResource {

    private final Tenancy tenancy;
    private final SubmissionRules rules;
    private final Intake intake;
    private final RequestViews views;
    private final ModelAliases aliases;
    private final IngestConfig config;

    public EmbeddingsResource(Tenancy tenancy, SubmissionRules rules, Intake intake, RequestViews views,
            ModelAliases aliases, IngestConfig config) {
        this.tenancy = tenancy;
        this.rules = rules;
        this.intake = intake;
        this.views = views;
        this.aliases = aliases;
        this.config = config;
    }

    @POST
    @Path("/embeddings")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Response> embed(String body, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @HeaderParam("X-Hybrid-Timeout") String timeout,
            @HeaderParam(ChatResource.IDEMPOTENCY_KEY) String idempotencyKey, @Context UriInfo uri) {
        Caller caller = tenancy.caller(authorization);
        TooLarge.check("the request", body, config.limits().maxRequestBytes());
        EmbeddingsRequest embeddings = Json.readStrict(body, EmbeddingsRequest.class);
        Submission submission = rules.check(embeddings.toSubmission(aliases.hintFor(embeddings.model())), caller);
        Duration wait = timeout == null ? config.openai().timeout()
                : WaitParam.parse(timeout, config.openai().timeout());
        tenancy.admit(submission.tenant(), 1);
        LlmRequest request = submission.toRequest(UUID.randomUUID().toString());
        if (idempotencyKey != null) {
            IdempotencyKeys.validate(idempotencyKey);
            // A key seen before names the earlier request, whose vectors are waited for by its id.
            Intake.Admission admission = intake.accept(request,
                    Optional.of(new Intake.Idempotency(idempotencyKey, IdempotencyKeys.fingerprint(submission))));
            String statusUrl = ChatResource.statusUrl(uri, admission.id());
            return views.awaitFinal(admission.id(), caller, wait)
                    .map(view -> answer(view, embeddings.base64(), wait, statusUrl, admission.replayed()));
        }
        String statusUrl = ChatResource.statusUrl(uri, request.id());
        // Awaited before it is queued, so that its reply finds the waiter and is answered from memory.
        return views.submitAndAwait(request, caller, wait, () -> intake.accept(request, Optional.empty()))
                .map(view -> answer(view, embeddings.base64(), wait, statusUrl, false));
    }

    private static Response answer(RequestView view, boolean base64, Duration wait, String statusUrl,
            boolean replayed) {
        Map<String, String> headers = new HashMap<>(Map.of(ChatResource.REQUEST_ID, view.id(), "Location", statusUrl));
        if (replayed) {
            headers.put("Idempotent-Replayed", "true");
        }
        if ("succeeded".equals(view.status()) && view.embeddings() != null) {
            Response.ResponseBuilder ok = Response.ok(EmbeddingList.of(view, base64)).type(MediaType.APPLICATION_JSON);
            headers.forEach(ok::header);
            return ok.build();
        }
        if ("succeeded".equals(view.status())) {
            // Not expected from any worker; said rather than answered as an empty list.
            throw OpenAiError
                    .failure(502, "provider_error",
                            "request " + view.id() + " succeeded without vectors: poll " + statusUrl, null)
                    .withHeaders(headers);
        }
        throw ChatResource.notAnswered(view, wait, statusUrl, headers);
    }
}
