package io.hybridllm.cost.rest;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.hybridllm.contracts.Alert;
import io.hybridllm.contracts.http.Problem;
import io.hybridllm.contracts.json.InvalidMessageException;
import io.hybridllm.cost.budget.BudgetAdmin;
import io.hybridllm.cost.budget.Scope;
import io.hybridllm.cost.dashboard.BudgetGauge;
import io.hybridllm.cost.dashboard.RecentAlerts;
import io.hybridllm.cost.report.CostSummary;
import io.hybridllm.cost.report.SavingsQuery;
import io.hybridllm.cost.report.SavingsReport;
import io.hybridllm.cost.report.SummaryCsv;
import io.hybridllm.cost.report.SummaryQuery;
import io.hybridllm.policy.ReferenceModel;

/**
 * Spend reports: who spent what, where, and when; and for the dashboard ({@code /dashboard/}), budget standings and
 * recent alerts. All read-only, each scoped by {@link ReportAccess}: a tenant's key reads its own, the admin token
 * everyone's. Changing budgets stays with the admin API.
 */
@Path("/v1/costs")
public class CostResource {

    private static final int MAX_ALERTS = 200;

    private final SummaryQuery summaries;
    private final SavingsQuery savings;
    private final BudgetAdmin budgets;
    private final RecentAlerts alerts;
    private final ReportAccess access;

    public CostResource(SummaryQuery summaries, SavingsQuery savings, BudgetAdmin budgets, RecentAlerts alerts,
            ReportAccess access) {
        this.summaries = summaries;
        this.savings = savings;
        this.budgets = budgets;
        this.alerts = alerts;
        this.access = access;
    }

    /** Spend per group over a time range, as JSON or (with {@code format=csv} or {@code Accept: text/csv}) CSV. */
    @GET
    @Path("/summary")
    @Produces({ MediaType.APPLICATION_JSON, "text/csv" })
    public Response summary(@RestQuery String from, @RestQuery String to, @RestQuery("group_by") String groupBy,
            @RestQuery String tenant, @RestQuery("job_id") String jobId, @RestQuery("end_user") String endUser,
            @RestQuery String format, HttpHeaders headers) {
        String scope = scope(headers.getHeaderString(HttpHeaders.AUTHORIZATION), tenant);
        boolean csv = SummaryParams.wantsCsv(format, headers.getAcceptableMediaTypes());
        CostSummary summary = summaries
                .summarize(SummaryParams.parse(from, to, groupBy, scope, jobId, endUser, Instant.now()));
        return csv
                ? Response.ok(SummaryCsv.write(summary),
                        SummaryParams.TEXT_CSV.withCharset(StandardCharsets.UTF_8.name())).build()
                : Response.ok(summary, MediaType.APPLICATION_JSON_TYPE).build();
    }

    /**
     * What the traffic cost against the reference cloud model, overall and per task type, with recommendations. Takes
     * {@code from}, {@code to}, {@code tenant}, {@code job_id} and {@code end_user} as the summary does.
     */
    @GET
    @Path("/savings")
    @Produces(MediaType.APPLICATION_JSON)
    public SavingsReport savings(@RestQuery String from, @RestQuery String to, @RestQuery String tenant,
            @RestQuery("job_id") String jobId, @RestQuery("end_user") String endUser,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        return savings.report(
                SummaryParams.parse(from, to, null, scope(authorization, tenant), jobId, endUser, Instant.now()));
    }

    /** Every budget in force with its current period; for a tenant, its own and the global ones. */
    @GET
    @Path("/budgets")
    @Produces(MediaType.APPLICATION_JSON)
    public List<BudgetGauge> budgets(@RestQuery String tenant,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        Optional<String> scope = tenant(scope(authorization, tenant)).map(id -> Scope.tenant(id).name());
        return budgets.list().stream().filter(
                view -> scope.isEmpty() || view.scope().equals(Scope.GLOBAL.name()) || view.scope().equals(scope.get()))
                .map(BudgetGauge::of).toList();
    }

    /**
     * The latest budget and provider alerts, newest first (default 20, at most 200); for a tenant, its own and the
     * global ones.
     */
    @GET
    @Path("/alerts")
    @Produces(MediaType.APPLICATION_JSON)
    public List<Alert> alerts(@RestQuery String tenant, @RestQuery Integer limit,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        String scope = scope(authorization, tenant);
        int count = limit == null ? 20 : limit;
        if (count < 1 || count > MAX_ALERTS) {
            throw new InvalidMessageException("limit", "is " + count + "; use 1 to " + MAX_ALERTS);
        }
        return alerts.latest(count, tenant(scope));
    }

    /** A reference model the catalogue cannot price: a setting to fix, not a request to repeat. */
    @ServerExceptionMapper
    public Response unpricedReference(ReferenceModel.Unpriced e) {
        return Response.status(Response.Status.CONFLICT).type(Problem.MEDIA_TYPE)
                .entity(Problem.of("reference-unpriced", "No reference price", 409, e.getMessage())).build();
    }

    @ServerExceptionMapper
    public Response invalidParameter(InvalidMessageException e) {
        return Response.status(Response.Status.BAD_REQUEST).type(Problem.MEDIA_TYPE)
                .entity(Problem.invalid("invalid-parameter", "Invalid request parameter", e)).build();
    }

    /** The tenant this caller's report covers, or null for every tenant (see {@link ReportAccess}). */
    private String scope(String authorization, String tenant) {
        return access.scope(authorization, tenant(tenant)).orElse(null);
    }

    private static Optional<String> tenant(String tenant) {
        Optional<String> id = Optional.ofNullable(tenant).map(String::strip).filter(t -> !t.isEmpty());
        id.ifPresent(t -> Scope.parse(Scope.tenant(t).name(), "tenant"));
        return id;
    }
}
