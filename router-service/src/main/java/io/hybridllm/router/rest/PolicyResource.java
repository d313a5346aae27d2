package io.hybridllm.router.rest;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;

import io.hybridllm.contracts.AuditEvent;
import io.hybridllm.contracts.Channels;
import io.hybridllm.contracts.ControlEvent;
import io.hybridllm.contracts.SchemaVersion;
import io.hybridllm.contracts.http.AdminToken;
import io.hybridllm.contracts.http.Problem;
import io.hybridllm.contracts.json.Json;
import io.hybridllm.policy.PolicyException;
import io.hybridllm.policy.PolicyLoader;
import io.hybridllm.policy.PolicyProblem;
import io.hybridllm.router.control.PolicyAudit;
import io.hybridllm.router.routing.PolicyInForce;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.Record;

/**
 * The policy in force, and replacing it on every replica: {@code PUT /v1/policy} (admin token) validates a TOML policy
 * and publishes it on {@code llm.control}; each replica, this one included, applies it from there. {@code DELETE}
 * withdraws it, and every replica goes back to its own files.
 */
@Path("/v1/policy")
@Blocking
public class PolicyResource {

    private final PolicyInForce policies;
    private final MutinyEmitter<Record<String, String>> control;
    private final AdminToken adminToken;
    private final PolicyAudit audit;

    public PolicyResource(PolicyInForce policies, PolicyAudit audit,
            @Channel(Channels.CONTROL_UPDATES) MutinyEmitter<Record<String, String>> control,
            @ConfigProperty(name = "hybrid.admin.token") Optional<String> adminToken) {
        this.policies = policies;
        this.audit = audit;
        this.control = control;
        this.adminToken = new AdminToken(adminToken, "change the policy over HTTP");
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public String get() {
        PolicyLoader.Loaded loaded = policies.loaded();
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("version", loaded.policy().version());
        view.put("mode", loaded.policy().ai().mode());
        view.put("sources", loaded.sources());
        view.put("toml", loaded.toToml());
        return Json.write(view);
    }

    @PUT
    @Consumes({ "application/toml", MediaType.TEXT_PLAIN })
    @Produces(MediaType.APPLICATION_JSON)
    public Response publish(String toml, @HeaderParam("Authorization") String authorization,
            @HeaderParam("X-Changed-By") String changedBy) {
        Optional<Response> refused = refuseUnlessAdmin(authorization);
        if (refused.isPresent()) {
            return refused.get();
        }
        String actor = actor(changedBy);
        PolicyLoader.Loaded before = policies.loaded();
        PolicyLoader.Loaded proposed;
        try {
            proposed = PolicyLoader.fromText(toml, "PUT /v1/policy");
        } catch (PolicyException e) {
            audit.adminChange(AuditEvent.Action.POLICY_REFUSED, actor, "PUT /v1/policy", null,
                    before.policy().version(), List.of(), e.getMessage());
            return problem(Problem.of("invalid-policy", "Invalid policy", 422, e.getMessage()));
        }
        ControlEvent.PolicyChange change = new ControlEvent.PolicyChange(SchemaVersion.CURRENT,
                UUID.randomUUID().toString(), "policy", proposed.policy().version(), before.policy().version(), toml,
                actor, PolicyLoader.changedKeys(before, proposed), Instant.now());
        control.sendAndAwait(Record.of("policy", Json.write(change)));
        audit.adminChange(AuditEvent.Action.POLICY_PUBLISHED, actor, "PUT /v1/policy", change.version(),
                change.previousVersion(), change.changedKeys(), "");
        return Response
                .accepted(Json.write(Map.of("version", change.version(), "previous_version", change.previousVersion(),
                        "changed_keys", change.changedKeys(), "warnings",
                        proposed.warnings().stream().map(PolicyProblem::toString).toList())))
                .type(MediaType.APPLICATION_JSON).build();
    }

    /** Withdraws a published policy: every replica goes back to routing by its own files. */
    @DELETE
    @Produces(MediaType.APPLICATION_JSON)
    public Response withdraw(@HeaderParam("Authorization") String authorization,
            @HeaderParam("X-Changed-By") String changedBy) {
        Optional<Response> refused = refuseUnlessAdmin(authorization);
        if (refused.isPresent()) {
            return refused.get();
        }
        ControlEvent.PolicyChange change = new ControlEvent.PolicyChange(SchemaVersion.CURRENT,
                UUID.randomUUID().toString(), "policy", "withdrawn", policies.current().version(), null,
                actor(changedBy), List.of(), Instant.now());
        control.sendAndAwait(Record.of("policy", Json.write(change)));
        audit.adminChange(AuditEvent.Action.POLICY_WITHDRAWN, change.changedBy(), "DELETE /v1/policy", null,
                change.previousVersion(), List.of(), "every replica routes by its own files again");
        return Response.accepted(Json.write(Map.of("withdrawn", change.previousVersion())))
                .type(MediaType.APPLICATION_JSON).build();
    }

    private static String actor(String changedBy) {
        return changedBy == null || changedBy.isBlank() ? "admin" : changedBy;
    }

    private Optional<Response> refuseUnlessAdmin(String authorization) {
        return adminToken.refusal(authorization)
                .map(refusal -> refusal.status() == 401
                        ? Response.fromResponse(problem(refusal)).header("WWW-Authenticate", "Bearer").build()
                        : problem(refusal));
    }

    private static Response problem(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(Json.write(problem)).build();
    }
}
