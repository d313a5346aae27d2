package io.hybridllm.ingest.openai;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import io.hybridllm.contracts.json.Json;
import io.hybridllm.ingest.batches.BatchIntake;
import io.hybridllm.ingest.batches.BatchLine;
import io.hybridllm.ingest.batches.BatchRecord;
import io.hybridllm.ingest.batches.Batches;
import io.hybridllm.ingest.batches.JsonlBatch;
import io.hybridllm.ingest.tenants.Caller;
import io.hybridllm.ingest.tenants.Tenancy;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.common.annotation.Blocking;

/**
 * OpenAI's Batch API: create a batch from an uploaded file, retrieve, list and cancel it; its output and error files
 * are read through {@code /v1/files}. Only {@code /v1/chat/completions} and the {@code 24h} window are supported; the
 * window is each request's deadline.
 */
@Path("/v1/batches")
@Produces(MediaType.APPLICATION_JSON)
@Blocking
public class OpenAiBatchResource {

    private static final String SOURCE = "openai";

    public record CreateBatch(String inputFileId, String endpoint, String completionWindow,
            Map<String, String> metadata) {
    }

    public record Page(String object, List<OpenAiBatch> data, String firstId, String lastId, boolean hasMore) {
    }

    private final Tenancy tenancy;
    private final BatchIntake intake;
    private final Batches batches;
    private final ModelAliases aliases;

    public OpenAiBatchResource(Tenancy tenancy, BatchIntake intake, Batches batches, ModelAliases aliases) {
        this.tenancy = tenancy;
        this.intake = intake;
        this.batches = batches;
        this.aliases = aliases;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public OpenAiBatch create(String body, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        Caller caller = tenancy.caller(authorization);
        CreateBatch create = Json.read(body, CreateBatch.class);
        if (!OpenAiBatchInput.ENDPOINT.equals(create.endpoint())) {
            throw OpenAiError.failure(400, "invalid_endpoint", "only " + OpenAiBatchInput.ENDPOINT + " is supported",
                    "endpoint");
        }
        if (!"24h".equals(create.completionWindow())) {
            throw OpenAiError.failure(400, "invalid_completion_window", "only 24h is supported", "completion_window");
        }
        if (create.inputFileId() == null) {
            throw OpenAiError.failure(400, "missing_input_file_id", "input_file_id is required", "input_file_id");
        }
        byte[] content = QuarkusTransaction.requiringNew()
                .call(() -> FilesResource.stored(create.inputFileId(), caller).content);
        String text = new String(content, StandardCharsets.UTF_8);
        String tenant = caller.tenantFor(null);
        // One token per request the batch will make, taken before any line is parsed.
        tenancy.admit(tenant, JsonlBatch.countNonBlankLines(text));
        List<BatchLine> lines = OpenAiBatchInput.parse(text, aliases, Instant.now().plus(Duration.ofHours(24)));
        OpenAiBatch.Meta meta = new OpenAiBatch.Meta(create.inputFileId(), create.endpoint(), create.completionWindow(),
                create.metadata());
        BatchRecord batch = intake.accept(BatchIntake.newId(), caller, tenant, SOURCE, lines, Json.write(meta));
        return view(batch);
    }

    @GET
    @Path("/{id}")
    public OpenAiBatch retrieve(@PathParam("id") String id,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        return view(find(id, tenancy.caller(authorization)));
    }

    @GET
    public Page list(@QueryParam("limit") Integer limit, @QueryParam("after") String after,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        int size = limit == null ? 20 : Math.max(1, Math.min(100, limit));
        List<BatchRecord> found = batches.list(tenancy.caller(authorization), SOURCE, after, size + 1);
        List<OpenAiBatch> page = found.stream().limit(size).map(this::view).toList();
        return new Page("list", page, page.isEmpty() ? null : page.getFirst().id(),
                page.isEmpty() ? null : page.getLast().id(), found.size() > size);
    }

    @POST
    @Path("/{id}/cancel")
    public OpenAiBatch cancel(@PathParam("id") String id,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        Caller caller = tenancy.caller(authorization);
        find(id, caller);
        batches.cancel(id);
        return view(find(id, caller));
    }

    private BatchRecord find(String id, Caller caller) {
        try {
            BatchRecord batch = batches.find(id, caller);
            if (SOURCE.equals(batch.source)) {
                return batch;
            }
        } catch (NotFoundException e) {
            // Answered below, in OpenAI's shape.
        }
        throw OpenAiError.failure(404, "batch_not_found",
                "No batch with id " + id + " (batches made with /v1/request-batches are read there)", "batch_id");
    }

    private OpenAiBatch view(BatchRecord batch) {
        return OpenAiBatch.of(batch, Json.read(batch.openai, OpenAiBatch.Meta.class), batches.tally(batch.id),
                batches.malformed(batch.id), batches.lastCompleted(batch.id));
    }
}
