package io.hybridllm.ingest.tenants;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.hybridllm.contracts.AuditEvent;

/**
 * Guards the admin API with {@code HYBRID_ADMIN_TOKEN}, compared in constant time. Without a token configured the admin
 * API is off (403); a missing or wrong token is 401, and audited.
 */
@ApplicationScoped
public class AdminAuth {

    private final Optional<byte[]> token;
    private final TenantAudit audit;

    public AdminAuth(@ConfigProperty(name = "hybrid.admin.token") Optional<String> token, TenantAudit audit) {
        this.token = token.filter(value -> !value.isBlank()).map(value -> value.getBytes(StandardCharsets.UTF_8));
        this.audit = audit;
    }

    public void check(String authorization, String actor, String call) {
        if (token.isEmpty()) {
            throw new Forbidden("the admin API is off: set HYBRID_ADMIN_TOKEN on ingest to use it");
        }
        Optional<String> sent = Tenancy.bearer(authorization);
        if (sent.isEmpty() || !MessageDigest.isEqual(token.get(), sent.get().getBytes(StandardCharsets.UTF_8))) {
            audit.record("admin-api", AuditEvent.Action.ADMIN_DENIED, actor, call,
                    sent.isEmpty() ? "no admin token sent" : "wrong admin token");
            throw new Unauthenticated("send Authorization: Bearer <HYBRID_ADMIN_TOKEN>");
        }
    }
}
