package io.hybridllm.ingest.rest;

import java.time.Instant;
import java.util.List;

import jakarta.transaction.Transactional;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.hybridllm.contracts.json.Json;
import io.hybridllm.ingest.callbacks.CallbackSigner;
import io.hybridllm.ingest.tenants.AdminAuth;
import io.hybridllm.ingest.tenants.ApiKeyRecord;
import io.hybridllm.ingest.tenants.ApiKeys;
import io.hybridllm.ingest.tenants.TenantAdmin;
import io.hybridllm.ingest.tenants.TenantRecord;
import io.smallrye.common.annotation.Blocking;

/**
 * The admin API, with {@code Authorization: Bearer <HYBRID_ADMIN_TOKEN>}: tenants, their keys (a key is shown once,
 * when it is made), and the secret a tenant verifies its callbacks with. {@code X-Changed-By} names the admin in the
 * audit log.
 */
@Path("/v1/admin/tenants")
@Produces(MediaType.APPLICATION_JSON)
@Blocking
public class AdminResource {

    private static final String CHANGED_BY = "X-Changed-By";

    public record KeyView(String id, String tenant, String prefix, String label, Instant createdAt, Instant revokedAt) {
        static KeyView of(ApiKeyRecord key) {
            return new KeyView(key.id, key.tenant, key.prefix, key.label, key.createdAt, key.revokedAt);
        }
    }

    public record TenantView(String id, String name, Integer requestsPerMinute, Instant createdAt, List<KeyView> keys) {
    }

    /** A key just made: the only time {@code key} is shown. */
    public record IssuedKey(String id, String tenant, String key, String prefix, String label, Instant createdAt) {
    }

    public record NewKey(String label) {
    }

    public record CallbackSecret(String tenant, String callbackSecret) {
    }

    private final AdminAuth auth;
    private final TenantAdmin admin;
    private final CallbackSigner signer;

    public AdminResource(AdminAuth auth, TenantAdmin admin, CallbackSigner signer) {
        this.auth = auth;
        this.admin = admin;
        this.signer = signer;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(String body, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @HeaderParam(CHANGED_BY) String actor) {
        auth.check(authorization, actor, "POST /v1/admin/tenants");
        TenantAdmin.NewTenant wanted = Json.readStrict(body, TenantAdmin.NewTenant.class);
        TenantRecord tenant = admin.create(wanted, actor, "POST /v1/admin/tenants").orElseThrow(
                () -> new ClientErrorException("tenant " + wanted.id() + " exists already", Response.Status.CONFLICT));
        return Response.status(201).entity(view(tenant)).build();
    }

    @GET
    @Transactional
    public List<TenantView> list(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @HeaderParam(CHANGED_BY) String actor) {
        auth.check(authorization, actor, "GET /v1/admin/tenants");
        return TenantRecord.<TenantRecord> listAll().stream().map(this::view).toList();
    }

    @GET
    @Path("/{tenant}")
    @Transactional
    public TenantView get(@PathParam("tenant") String tenant,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @HeaderParam(CHANGED_BY) String actor) {
        auth.check(authorization, actor, "GET /v1/admin/tenants/" + tenant);
        return view(find(tenant));
    }

    @POST
    @Path("/{tenant}/keys")
    public Response issueKey(@PathParam("tenant") String tenant, String body,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @HeaderParam(CHANGED_BY) String actor) {
        String call = "POST /v1/admin/tenants/" + tenant + "/keys";
        auth.check(authorization, actor, call);
        String label = body == null || body.isBlank() ? null : Json.readStrict(body, NewKey.class).label();
        ApiKeys.Issued issued = admin.issueKey(tenant, label, actor, call).orElseThrow(() -> noTenant(tenant));
        ApiKeyRecord key = issued.record();
        return Response.status(201).header("Cache-Control", "no-store")
                .entity(new IssuedKey(key.id, key.tenant, issued.key(), key.prefix, key.label, key.createdAt)).build();
    }

    @DELETE
    @Path("/{tenant}/keys/{key}")
    public KeyView revokeKey(@PathParam("tenant") String tenant, @PathParam("key") String keyId,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @HeaderParam(CHANGED_BY) String actor) {
        String call = "DELETE /v1/admin/tenants/" + tenant + "/keys/" + keyId;
        auth.check(authorization, actor, call);
        return admin.revokeKey(tenant, keyId, actor, call).map(KeyView::of)
                .orElseThrow(() -> new NotFoundException("tenant " + tenant + " has no key " + keyId));
    }

    @GET
    @Path("/{tenant}/callback-secret")
    @Transactional
    public Response callbackSecret(@PathParam("tenant") String tenant,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @HeaderParam(CHANGED_BY) String actor) {
        auth.check(authorization, actor, "GET /v1/admin/tenants/" + tenant + "/callback-secret");
        find(tenant);
        if (!signer.canSign()) {
            throw new ClientErrorException("callbacks are off: set HYBRID_CALLBACK_SIGNING_KEY on ingest",
                    Response.Status.CONFLICT);
        }
        return Response.ok(new CallbackSecret(tenant, signer.tenantSecret(tenant))).header("Cache-Control", "no-store")
                .build();
    }

    private TenantRecord find(String tenant) {
        TenantRecord record = TenantRecord.findById(tenant);
        if (record == null) {
            throw noTenant(tenant);
        }
        return record;
    }

    private TenantView view(TenantRecord tenant) {
        return new TenantView(tenant.id, tenant.name, tenant.requestsPerMinute, tenant.createdAt,
                admin.keysOf(tenant.id).stream().map(KeyView::of).toList());
    }

    private static NotFoundException noTenant(String tenant) {
        return new NotFoundException("no tenant " + tenant);
    }
}
