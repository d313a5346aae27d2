package io.hybridllm.cost.rest;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.hybridllm.contracts.http.AdminToken;

/** The admin check for budgets ({@link AdminToken}), as JAX-RS responses. */
@ApplicationScoped
public class AdminGuard {

    private final AdminToken token;

    public AdminGuard(@ConfigProperty(name = "hybrid.admin.token") Optional<String> token) {
        this.token = new AdminToken(token, "manage budgets over HTTP");
    }

    /** The refusal to answer instead, or empty when the caller is the admin. */
    public Optional<Response> refuseUnlessAdmin(String authorization) {
        return token.refusal(authorization).map(problem -> {
            Response response = Problems.response(problem);
            return problem.status() == 401
                    ? Response.fromResponse(response).header("WWW-Authenticate", "Bearer").build()
                    : response;
        });
    }
}
