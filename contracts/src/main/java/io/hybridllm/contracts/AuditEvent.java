package io.hybridllm.contracts;

import static io.hybridllm.contracts.json.Check.require;

import java.time.Instant;
import java.util.List;

/**
 * A change to what governs the system (a routing policy, a budget, a tenant or its keys), on {@value Topics#AUDIT},
 * keyed by {@link #subject()}: who made it, when, from where, and what changed. Refused changes are audited too.
 *
 * @param actor
 *            who changed it: the admin's {@code X-Changed-By}, or the owner of an edited file
 * @param origin
 *            where the change came from, e.g. {@code PUT /v1/policy on router-7f3a} or a file path
 * @param changedKeys
 *            the dotted keys whose values differ from the previous version
 */
public record AuditEvent(int schemaVersion, String id, String subject, Action action, String actor, String origin,
        String version, String previousVersion, List<String> changedKeys, String detail, Instant at) {

    public AuditEvent {
        schemaVersion = SchemaVersion.check(schemaVersion);
        require(id != null && !id.isBlank(), "id", "is required");
        require(subject != null && !subject.isBlank(), "subject", "is required");
        require(action != null, "action", "is required");
        require(at != null, "at", "is required");
        changedKeys = changedKeys == null ? List.of() : List.copyOf(changedKeys);
        detail = detail == null ? "" : detail;
    }

    public enum Action {
        /** A policy validated and published to every router replica. */
        POLICY_PUBLISHED,
        /** A published policy withdrawn: every replica routes by its own files again. */
        POLICY_WITHDRAWN,
        /** A replica's policy files changed and the new policy is in force there. */
        POLICY_FILE_APPLIED,
        /** A proposed policy (published or edited) was invalid; the detail says why, the old one stays. */
        POLICY_REFUSED, BUDGET_CREATED, BUDGET_CHANGED, BUDGET_DELETED,
        /** A tenant created over ingest's admin API. */
        TENANT_CREATED,
        /** An API key made for a tenant; the event names the key by id and prefix, never the key. */
        KEY_CREATED, KEY_REVOKED,
        /** A call to an admin API without the admin token, or with a wrong one. */
        ADMIN_DENIED,
        /** A dead letter sent back to its original topic by an operator ({@code hybrid dlq replay}). */
        DEAD_LETTER_REPLAYED,
        /** A dead letter a replay left alone: its request was answered, or it was replayed before; the detail says. */
        DEAD_LETTER_SKIPPED
    }
}
