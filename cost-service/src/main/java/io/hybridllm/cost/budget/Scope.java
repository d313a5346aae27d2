package io.hybridllm.cost.budget;

import java.util.Optional;
import java.util.regex.Pattern;

import io.hybridllm.contracts.json.InvalidMessageException;

/**
 * Whose spend a budget limits: {@code global} (every tenant together) or {@code tenant:<id>}. The names are those of
 * the scopes of mode switches on {@code llm.control}, so a budget's switch is keyed by its scope as it is.
 */
public record Scope(String name) {

    public static final Scope GLOBAL = new Scope("global");
    /** The tenant of a global budget's alerts on {@code llm.alerts}, whose key is a tenant. */
    public static final String ALL_TENANTS = "*";

    private static final String TENANT_PREFIX = "tenant:";
    // The tenant id rule of the messages (docs/messages.md).
    private static final Pattern TENANT_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    public static Scope tenant(String id) {
        return new Scope(TENANT_PREFIX + id);
    }

    /** Reads a scope as written in a URL or a message; refused with the reason otherwise. */
    public static Scope parse(String text, String field) {
        if (GLOBAL.name.equals(text)) {
            return GLOBAL;
        }
        if (text != null && text.startsWith(TENANT_PREFIX)
                && TENANT_ID.matcher(text.substring(TENANT_PREFIX.length())).matches()) {
            return new Scope(text);
        }
        throw new InvalidMessageException(field,
                "is '" + text + "'; use global or tenant:<id>, where an id is 1-128 letters, digits and . _ : -");
    }

    public Optional<String> tenant() {
        return name.startsWith(TENANT_PREFIX) ? Optional.of(name.substring(TENANT_PREFIX.length())) : Optional.empty();
    }

    /** The tenant an alert about this scope is addressed to. */
    public String alertTenant() {
        return tenant().orElse(ALL_TENANTS);
    }

    @Override
    public String toString() {
        return name;
    }
}
