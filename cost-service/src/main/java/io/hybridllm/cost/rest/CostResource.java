package io.hybridllm.cost.rest;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.hybridllm.contracts.http.Problem;
import io.hybridllm.contracts.json.InvalidMessageException;
import io.hybridllm.cost.report.CostSummary;
import io.hybridllm.cost.report.SummaryCsv;
import io.hybridllm.cost.report.SummaryQuery;

/** Spend reports: who spent what, where, and when. */
@Path("/v1/costs")
public class CostResource {

    private final SummaryQuery summaries;

    public CostResource(SummaryQuery summaries) {
        this.summaries = summaries;
    }

    /** Spend per group over a time range, as JSON or (with {@code format=csv} or {@code Accept: text/csv}) CSV. */
    @GET
    @Path("/summary")
    @Produces({ MediaType.APPLICATION_JSON, "text/csv" })
    public Response summary(@RestQuery String from, @RestQuery String to, @RestQuery("group_by") String groupBy,
            @RestQuery String tenant, @RestQuery String format, HttpHeaders headers) {
        boolean csv = SummaryParams.wantsCsv(format, headers.getAcceptableMediaTypes());
        CostSummary summary = summaries.summarize(SummaryParams.parse(from, to, groupBy, tenant, Instant.now()));
        return csv
                ? Response.ok(SummaryCsv.write(summary),
                        SummaryParams.TEXT_CSV.withCharset(StandardCharsets.UTF_8.name())).build()
                : Response.ok(summary, MediaType.APPLICATION_JSON_TYPE).build();
    }

    @ServerExceptionMapper
    public Response invalidParameter(InvalidMessageException e) {
        return Response.status(Response.Status.BAD_REQUEST).type(Problem.MEDIA_TYPE)
                .entity(Problem.invalid("invalid-parameter", "Invalid request parameter", e)).build();
    }
}
