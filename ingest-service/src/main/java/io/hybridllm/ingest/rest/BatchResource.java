package io.hybridllm.ingest.rest;

import java.net.URI;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;

import io.hybridllm.contracts.json.Json;
import io.hybridllm.ingest.batches.BatchIntake;
import io.hybridllm.ingest.batches.BatchRecord;
import io.hybridllm.ingest.batches.BatchResult;
import io.hybridllm.ingest.batches.Batches;
import io.hybridllm.ingest.batches.JsonlBatch;
import io.hybridllm.ingest.config.IngestConfig;
import io.hybridllm.ingest.tenants.Caller;
import io.hybridllm.ingest.tenants.Tenancy;
import io.smallrye.common.annotation.Blocking;

/**
 * Native batches: a JSON Lines body, one {@code POST /v1/requests} body per line. {@code /v1/batches} is the OpenAI
 * Batch API's path, so that OpenAI's SDKs work unchanged; the native API lives beside it.
 */
@Path("/v1/request-batches")
@Produces(MediaType.APPLICATION_JSON)
@Blocking
public class BatchResource {

    public static final String JSONL = "application/jsonl";

    private final Tenancy tenancy;
    private final BatchIntake intake;
    private final Batches batches;
    private final IngestConfig config;

    public BatchResource(Tenancy tenancy, BatchIntake intake, Batches batches, IngestConfig config) {
        this.tenancy = tenancy;
        this.intake = intake;
        this.batches = batches;
        this.config = config;
    }

    /** 202 once every good line is a request stored and in Kafka; malformed lines are listed with their numbers. */
    @POST
    @Consumes(MediaType.WILDCARD)
    public Response submit(String body, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @Context UriInfo uri) {
        Caller caller = tenancy.caller(authorization);
        TooLarge.check("the batch", body, config.limits().maxBatchBytes());
        long lines = JsonlBatch.countLines(body);
        if (lines > config.limits().maxBatchLines()) {
            throw new TooLarge("the batch has " + lines + " lines; the limit is " + config.limits().maxBatchLines());
        }
        // Each line becomes one Kafka record: a line over the one-request limit could never be queued, so it is a
        // 413 now, not a 503 "retry later" from the producer.
        String[] each = body.split("\r?\n", -1);
        for (int i = 0; i < each.length; i++) {
            TooLarge.check("line " + (i + 1) + " of the batch", each[i], config.limits().maxRequestBytes());
        }
        String tenant = caller.tenantFor(null);
        // One token per request the batch will make, taken before any line is parsed.
        tenancy.admit(tenant, JsonlBatch.countNonBlankLines(body));
        BatchRecord batch = intake.accept(BatchIntake.newId(), caller, tenant, "jsonl", JsonlBatch.parse(body), null);
        URI location = uri.getBaseUriBuilder().path("v1/request-batches").path(batch.id).build();
        return Response.accepted(view(batch, uri)).location(location).build();
    }

    @GET
    @Path("/{id}")
    public BatchView get(@PathParam("id") String id, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @Context UriInfo uri) {
        return view(batches.find(id, tenancy.caller(authorization)), uri);
    }

    /** One JSON line per request, in input order; a request that has not ended shows its status and no answer. */
    @GET
    @Path("/{id}/results")
    @Produces(JSONL)
    public StreamingOutput results(@PathParam("id") String id,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        batches.find(id, tenancy.caller(authorization));
        return out -> batches.writeLines(id, out,
                item -> item.requestId() == null ? null : Json.write(BatchResult.of(item)));
    }

    /** Cancels every request of the batch that has not ended. */
    @DELETE
    @Path("/{id}")
    public BatchView cancel(@PathParam("id") String id, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @Context UriInfo uri) {
        Caller caller = tenancy.caller(authorization);
        batches.find(id, caller);
        batches.cancel(id);
        return view(batches.find(id, caller), uri);
    }

    private BatchView view(BatchRecord batch, UriInfo uri) {
        return BatchView.of(batch, batches.tally(batch.id), batches.malformed(batch.id),
                uri.getBaseUriBuilder().path("v1/request-batches").path(batch.id).path("results").build().toString());
    }
}
