package io.hybridllm.worker.cloud.rest;

import java.net.URI;
import java.util.List;
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

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.hybridllm.contracts.AuditEvent;
import io.hybridllm.contracts.http.AdminToken;
import io.hybridllm.contracts.http.Problem;
import io.hybridllm.contracts.json.Json;
import io.hybridllm.policy.LivePolicy;
import io.hybridllm.policy.Policy;
import io.hybridllm.worker.cloud.config.KeyRing;
import io.hybridllm.worker.cloud.credentials.CredentialAudit;
import io.hybridllm.worker.cloud.credentials.CredentialStore;
import io.hybridllm.worker.cloud.credentials.CredentialSync;
import io.hybridllm.worker.cloud.credentials.CredentialView;

/**
 * The credential store's admin API, behind {@code HYBRID_ADMIN_TOKEN}: put a provider key, list the keys (ids, states,
 * fingerprints; never a value), retire one. Every change is audited on {@code llm.audit} and used by this worker at
 * once; the others pick it up at their next reload.
 */
@Path("/v1/credentials")
@Produces(MediaType.APPLICATION_JSON)
public class CredentialResource {

    private final AdminToken adminToken;
    private final CredentialStore store;
    private final CredentialSync sync;
    private final CredentialAudit audit;
    private final LivePolicy policy;
    private final KeyRing ring;

    public CredentialResource(@ConfigProperty(name = "hybrid.admin.token") Optional<String> adminToken,
            CredentialStore store, CredentialSync sync, CredentialAudit audit, LivePolicy policy, KeyRing ring) {
        this.adminToken = new AdminToken(adminToken, "manage provider keys over HTTP");
        this.store = store;
        this.sync = sync;
        this.audit = audit;
        this.policy = policy;
        this.ring = ring;
    }

    @GET
    public Response list(@HeaderParam("Authorization") String authorization,
            @HeaderParam("X-Changed-By") String actor) {
        return refusal(authorization, actor, "GET /v1/credentials")
                .orElseGet(() -> Response.ok(Json.write(store.list())).build());
    }

    @PUT
    @Path("{provider}/{name}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response put(@PathParam("provider") String provider, @PathParam("name") String name, String body,
            @HeaderParam("Authorization") String authorization, @HeaderParam("X-Changed-By") String actor) {
        String call = "PUT /v1/credentials/" + provider + "/" + name;
        Optional<Response> refused = refusal(authorization, actor, call).or(() -> unknownKey(provider, name));
        if (refused.isPresent()) {
            return refused.get();
        }
        String value;
        try {
            value = CredentialBody.value(body);
        } catch (IllegalArgumentException e) {
            return problem(Problem.of("invalid-request", "Invalid credential", 400, e.getMessage()));
        }
        CredentialStore.Put put = store.put(provider, name, value);
        audit.keyChanged(AuditEvent.Action.KEY_CREATED, put.view(), actor, call,
                put.created() ? "created" : "replaced with a new value");
        sync.reload();
        return (put.created() ? Response.created(URI.create("/v1/credentials/" + provider + "/" + name))
                : Response.ok()).entity(Json.write(put.view())).build();
    }

    @DELETE
    @Path("{provider}/{name}")
    public Response retire(@PathParam("provider") String provider, @PathParam("name") String name,
            @HeaderParam("Authorization") String authorization, @HeaderParam("X-Changed-By") String actor) {
        String call = "DELETE /v1/credentials/" + provider + "/" + name;
        Optional<Response> refused = refusal(authorization, actor, call).or(() -> unknownKey(provider, name));
        if (refused.isPresent()) {
            return refused.get();
        }
        Optional<CredentialStore.Retirement> retirement = store.retire(provider, name, "retired over the admin API");
        if (retirement.isEmpty()) {
            return problem(Problem.of("credential-not-found", "No such key", 404,
                    "no stored key " + name + " for provider " + provider));
        }
        CredentialView view = retirement.get().view();
        if (retirement.get().changed()) {
            audit.keyChanged(AuditEvent.Action.KEY_REVOKED, view, actor, call, "retired");
            sync.reload();
        }
        return Response.ok(Json.write(view)).build();
    }

    /** Not the admin, or no store on this worker: the answer to give instead. */
    private Optional<Response> refusal(String authorization, String actor, String call) {
        Optional<Problem> denied = adminToken.refusal(authorization);
        if (denied.isPresent()) {
            if (denied.get().status() == 401) {
                audit.record("admin-api", AuditEvent.Action.ADMIN_DENIED, actor, call,
                        authorization == null ? "no admin token sent" : "wrong admin token");
                return Optional
                        .of(Response.fromResponse(problem(denied.get())).header("WWW-Authenticate", "Bearer").build());
            }
            return Optional.of(problem(denied.get()));
        }
        if (!store.on()) {
            return Optional.of(problem(Problem.of("credential-store-off", "Credential store off", 404,
                    "this worker has no credential store: set QUARKUS_DATASOURCE_JDBC_URL and "
                            + "HYBRID_CREDENTIALS_MASTER_KEY (docs/workers.md, Credential store)")));
        }
        return Optional.empty();
    }

    /** A provider this worker does not serve, one whose key is fixed, or a name the store does not take. */
    private Optional<Response> unknownKey(String provider, String name) {
        List<String> served = policy.current().providers().values().stream().filter(p -> p.enabled() && !p.isLocal())
                .map(Policy.Provider::name).toList();
        if (!served.contains(provider)) {
            return Optional.of(problem(Problem.of("unknown-provider", "Unknown provider", 404, "no cloud provider "
                    + provider + " is enabled in the policy in force (enabled: " + String.join(", ", served) + ")")));
        }
        if (!ring.providers().contains(provider)) {
            return Optional.of(problem(Problem.of("fixed-key", "Provider has a fixed key", 409,
                    "provider " + provider + " uses the key in hybrid.cloud.providers." + provider
                            + ".api-key, which never rotates: " + "remove it to use stored keys")));
        }
        return CredentialBody.nameProblem(name).map(detail -> problem(
                new Problem("urn:hybrid-llm:problem:invalid-request", "Invalid key name", 400, detail, "name")));
    }

    private static Response problem(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(Json.write(problem)).build();
    }
}
