package io.hybridllm.cost.rest;

import java.net.URI;
import java.util.Optional;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.hybridllm.contracts.http.Problem;
import io.hybridllm.contracts.json.InvalidMessageException;
import io.hybridllm.contracts.json.Json;
import io.hybridllm.cost.budget.BudgetAdmin;
import io.hybridllm.cost.budget.Period;
import io.hybridllm.cost.budget.Scope;

/**
 * Budgets over HTTP, for the admin only: list, read, create or change ({@code PUT}), delete. A scope is {@code global}
 * or {@code tenant:<id>}, a period {@code monthly} or {@code daily}.
 */
@Path("/v1/budgets")
@Produces(MediaType.APPLICATION_JSON)
public class BudgetResource {

    private final BudgetAdmin budgets;
    private final AdminGuard guard;

    public BudgetResource(BudgetAdmin budgets, AdminGuard guard) {
        this.budgets = budgets;
        this.guard = guard;
    }

    @GET
    public Response list(@HeaderParam("Authorization") String authorization) {
        return guard.refuseUnlessAdmin(authorization).orElseGet(() -> Response.ok(budgets.list()).build());
    }

    @GET
    @Path("/{scope}/{period}")
    public Response get(@PathParam("scope") String scope, @PathParam("period") String period,
            @HeaderParam("Authorization") String authorization) {
        return guard.refuseUnlessAdmin(authorization).orElseGet(() -> budgets.find(scope(scope), period(period))
                .map(view -> Response.ok(view).build()).orElseGet(() -> notFound(scope, period)));
    }

    @PUT
    @Path("/{scope}/{period}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response put(@PathParam("scope") String scope, @PathParam("period") String period, String body,
            @HeaderParam("Authorization") String authorization, @HeaderParam("X-Changed-By") String changedBy) {
        Optional<Response> refused = guard.refuseUnlessAdmin(authorization);
        if (refused.isPresent()) {
            return refused.get();
        }
        Scope where = scope(scope);
        Period when = period(period);
        String by = changedBy(changedBy);
        BudgetBody.Checked budget = Json.readStrict(body, BudgetBody.class).check(budgets.defaultWarnPercent(),
                budgets.defaultPausePercent());
        boolean created = budgets.put(where, when, budget.amountUsd(), budget.warnPercent(), budget.pausePercent(), by);
        Object view = budgets.find(where, when).orElseThrow();
        return created ? Response.created(URI.create("/v1/budgets/" + scope + "/" + period)).entity(view).build()
                : Response.ok(view).build();
    }

    @DELETE
    @Path("/{scope}/{period}")
    public Response delete(@PathParam("scope") String scope, @PathParam("period") String period,
            @HeaderParam("Authorization") String authorization, @HeaderParam("X-Changed-By") String changedBy) {
        return guard.refuseUnlessAdmin(authorization)
                .orElseGet(() -> switch (budgets.delete(scope(scope), period(period), changedBy(changedBy))) {
                    case REMOVED -> Response.noContent().build();
                    case NOT_FOUND -> notFound(scope, period);
                    case POLICY_ONLY -> Problems.response(Problem.of("policy-budget", "Budget set by the policy", 409,
                            "the " + period + " budget of " + scope
                                    + " comes from the policy's [cost]; change it there, or"
                                    + " override it with PUT"));
                });
    }

    @ServerExceptionMapper
    public Response invalid(InvalidMessageException e) {
        return Problems.response(Problem.invalid("invalid-budget", "Invalid budget", e));
    }

    /** Who makes a change, for its audit: {@code X-Changed-By}, else {@code admin}. */
    private static String changedBy(String changedBy) {
        String by = changedBy == null || changedBy.isBlank() ? "admin" : changedBy.strip();
        if (by.length() > 200) {
            throw new InvalidMessageException("X-Changed-By", "is longer than 200 characters");
        }
        return by;
    }

    private static Scope scope(String text) {
        return Scope.parse(text, "scope");
    }

    private static Period period(String text) {
        return Period.byWireName(text)
                .orElseThrow(() -> new InvalidMessageException("period", "is '" + text + "'; use monthly or daily"));
    }

    private static Response notFound(String scope, String period) {
        return Problems.response(Problem.of("no-budget", "No such budget", 404,
                "no " + period + " budget for " + scope + "; create it with PUT"));
    }
}
