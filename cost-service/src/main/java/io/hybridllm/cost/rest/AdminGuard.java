package io.hybridllm.cost.rest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.hybridllm.contracts.http.Problem;

/**
 * The admin check of the router's policy API, for budgets: {@code Authorization: Bearer <HYBRID_ADMIN_TOKEN>}, compared
 * in constant time. Without a configured token the admin API is off (503), so an unset variable never opens it.
 */
@ApplicationScoped
public class AdminGuard {

    private final Optional<byte[]> expected;

    public AdminGuard(@ConfigProperty(name = "hybrid.admin.token") Optional<String> token) {
        this.expected = token.filter(t -> !t.isBlank()).map(t -> ("Bearer " + t).getBytes(StandardCharsets.UTF_8));
    }

    /** The refusal to answer instead, or empty when the caller is the admin. */
    public Optional<Response> refuseUnlessAdmin(String authorization) {
        if (expected.isEmpty()) {
            return Optional.of(Problems.response(Problem.of("admin-disabled", "Admin API disabled", 503,
                    "set HYBRID_ADMIN_TOKEN on the cost service to manage budgets over HTTP")));
        }
        if (authorization == null
                || !MessageDigest.isEqual(authorization.getBytes(StandardCharsets.UTF_8), expected.get())) {
            return Optional.of(Response
                    .fromResponse(Problems.response(Problem.of("unauthorized", "Admin token required", 401,
                            "send Authorization: Bearer <HYBRID_ADMIN_TOKEN>")))
                    .header("WWW-Authenticate", "Bearer").build());
        }
        return Optional.empty();
    }
}
