package io.hybridllm.cost.rest;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.hybridllm.contracts.TenantKey;
import io.hybridllm.contracts.http.AdminToken;
import io.hybridllm.contracts.http.Problem;
import io.hybridllm.cost.tenants.TenantKeys;

/**
 * Who may read which spend. The admin token reads every tenant's; a tenant's key only its own (a report asked for
 * another tenant is refused, not quietly narrowed). Without a key: with {@code hybrid.cost.reports.auth=keys} nothing,
 * with {@code none} (one's own machine) everything, as before. A key that is sent is checked in both modes.
 */
@ApplicationScoped
public class ReportAccess {

    enum Auth {
        NONE, KEYS
    }

    private final AdminToken admin;
    private final TenantKeys keys;
    private final Auth auth;

    public ReportAccess(@ConfigProperty(name = "hybrid.admin.token") Optional<String> token, TenantKeys keys,
            @ConfigProperty(name = "hybrid.cost.reports.auth") Auth auth) {
        this.admin = new AdminToken(token, "read every tenant's costs");
        this.keys = keys;
        this.auth = auth;
    }

    /** The tenant a report is restricted to (empty: every tenant) for this caller asking for {@code tenant}. */
    public Optional<String> scope(String authorization, Optional<String> tenant) {
        if (admin.refusal(authorization).isEmpty()) {
            return tenant;
        }
        String token = authorization != null && authorization.startsWith("Bearer ")
                ? authorization.substring("Bearer ".length()).strip()
                : null;
        if (token != null && token.startsWith(TenantKey.PREFIX)) {
            String own = keys.tenantOf(token)
                    .orElseThrow(() -> refused(401, "unauthorized", "Unknown key", "the key is unknown or revoked"));
            if (tenant.isPresent() && !tenant.get().equals(own)) {
                throw refused(403, "forbidden", "Another tenant's costs",
                        "a tenant's key reads only its own costs; ask for tenant=" + own + " or leave tenant out");
            }
            return Optional.of(own);
        }
        if (auth == Auth.KEYS) {
            throw refused(401, "unauthorized", "Key required",
                    "send Authorization: Bearer <a tenant's key> (its own costs) or <HYBRID_ADMIN_TOKEN> (every tenant's)");
        }
        return tenant;
    }

    private static WebApplicationException refused(int status, String type, String title, String detail) {
        Response response = Problems.response(Problem.of(type, title, status, detail));
        return new WebApplicationException(
                status == 401 ? Response.fromResponse(response).header("WWW-Authenticate", "Bearer").build()
                        : response);
    }
}
