package io.hybridllm.ingest.tenants;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.hybridllm.ingest.config.IngestConfig;

/**
 * Tells who calls a tenant endpoint, from {@code Authorization: Bearer <key>}, and holds each tenant to its rate. With
 * {@code hybrid.ingest.auth=none} (the default, for a machine of one's own) a call without a key is an open caller; a
 * key that is sent is checked in either mode, so a wrong key is never silently ignored.
 */
@ApplicationScoped
public class Tenancy {

    private final ApiKeys keys;
    private final RateLimiter limiter;
    private final IngestConfig config;

    public Tenancy(ApiKeys keys, RateLimiter limiter, IngestConfig config) {
        this.keys = keys;
        this.limiter = limiter;
        this.config = config;
    }

    public Caller caller(String authorization) {
        // OpenAI's SDKs always send a key; in the open mode a placeholder such as "none" must not lock them out.
        Optional<String> key = bearer(authorization)
                .filter(token -> config.auth() == IngestConfig.Auth.KEYS || ApiKeys.isKeyShaped(token));
        if (key.isEmpty()) {
            if (config.auth() == IngestConfig.Auth.NONE) {
                return Caller.OPEN;
            }
            throw new Unauthenticated("this server needs an API key: send Authorization: Bearer <your key>");
        }
        return keys.tenantOf(key.get()).map(Caller::new)
                .orElseThrow(() -> new Unauthenticated("the API key is not known, or was revoked"));
    }

    /** Takes {@code cost} submissions from the tenant's rate; throws {@link RateLimited} when it is spent. */
    public void admit(String tenant, int cost) {
        limiter.admit(tenant, cost);
    }

    /** The token of an {@code Authorization: Bearer} header; empty when there is none. */
    public static Optional<String> bearer(String authorization) {
        if (authorization == null || authorization.isBlank()) {
            return Optional.empty();
        }
        if (!authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw new Unauthenticated("the Authorization header must be: Bearer <key>");
        }
        return Optional.of(authorization.substring(7).strip());
    }
}
