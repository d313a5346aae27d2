package io.hybridllm.contracts.http;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/**
 * The admin check every service's admin API makes: {@code Authorization: Bearer <HYBRID_ADMIN_TOKEN>}, compared in
 * constant time. Without a configured token the admin API is off (403), so an unset variable never opens it.
 */
public final class AdminToken {

    private final Optional<byte[]> expected;
    private final String what;

    /** {@code what} names what the token unlocks, for the message, e.g. {@code change the policy over HTTP}. */
    public AdminToken(Optional<String> token, String what) {
        this.expected = token.filter(t -> !t.isBlank()).map(t -> ("Bearer " + t).getBytes(StandardCharsets.UTF_8));
        this.what = what;
    }

    /** The problem to answer instead (401 wants {@code WWW-Authenticate: Bearer}), or empty for the admin. */
    public Optional<Problem> refusal(String authorization) {
        if (expected.isEmpty()) {
            return Optional.of(Problem.of("admin-disabled", "Admin API disabled", 403,
                    "set HYBRID_ADMIN_TOKEN on this service to " + what));
        }
        if (authorization == null
                || !MessageDigest.isEqual(authorization.getBytes(StandardCharsets.UTF_8), expected.get())) {
            return Optional.of(Problem.of("unauthorized", "Admin token required", 401,
                    "send Authorization: Bearer <HYBRID_ADMIN_TOKEN>"));
        }
        return Optional.empty();
    }
}
