package io.hybridllm.ingest.tenants;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

import io.hybridllm.contracts.AuditEvent;
import io.hybridllm.contracts.json.InvalidMessageException;

/** Creates tenants and makes and revokes their keys; every change is audited, keys by id and prefix only. */
@ApplicationScoped
public class TenantAdmin {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,127}");

    private final ApiKeys keys;
    private final TenantAudit audit;
    private final TenantKeyAnnouncer announcer;
    private final Event<ApiKeys.Revoked> revoked;

    public TenantAdmin(ApiKeys keys, TenantAudit audit, TenantKeyAnnouncer announcer, Event<ApiKeys.Revoked> revoked) {
        this.keys = keys;
        this.audit = audit;
        this.announcer = announcer;
        this.revoked = revoked;
    }

    /** What an admin asks for: an id, a display name, and optionally a rate of its own. */
    public record NewTenant(String id, String name, Integer requestsPerMinute) {
        public NewTenant {
            if (id == null || !ID.matcher(id).matches()) {
                throw new InvalidMessageException("id",
                        "must be 1-128 characters of letters, digits and . _ : - (starting with a letter or digit)");
            }
            if (requestsPerMinute != null && (requestsPerMinute < 1 || requestsPerMinute > 1_000_000)) {
                throw new InvalidMessageException("requests_per_minute", "must be between 1 and 1000000");
            }
            name = name == null || name.isBlank() ? id : name;
        }
    }

    /** Empty when a tenant with that id exists already. */
    @Transactional
    public Optional<TenantRecord> create(NewTenant wanted, String actor, String call) {
        if (TenantRecord.findById(wanted.id()) != null) {
            return Optional.empty();
        }
        TenantRecord tenant = new TenantRecord();
        tenant.id = wanted.id();
        tenant.name = wanted.name();
        tenant.requestsPerMinute = wanted.requestsPerMinute();
        tenant.createdAt = Instant.now();
        tenant.persist();
        audit.record(subject(tenant.id), AuditEvent.Action.TENANT_CREATED, actor, call, "name " + tenant.name
                + ", rate " + (tenant.requestsPerMinute == null ? "default" : tenant.requestsPerMinute + "/min"));
        return Optional.of(tenant);
    }

    @Transactional
    public Optional<ApiKeys.Issued> issueKey(String tenant, String label, String actor, String call) {
        if (TenantRecord.findById(tenant) == null) {
            return Optional.empty();
        }
        ApiKeys.Issued issued = keys.issue(tenant, label);
        announcer.announce(issued.record());
        audit.record(subject(tenant), AuditEvent.Action.KEY_CREATED, actor, call,
                "key " + issued.record().id + " (" + issued.record().prefix + "…)");
        return Optional.of(issued);
    }

    /** Empty when the tenant has no such key; revoking a revoked key changes nothing. */
    @Transactional
    public Optional<ApiKeyRecord> revokeKey(String tenant, String keyId, String actor, String call) {
        Optional<ApiKeyRecord> key = ApiKeyRecord.<ApiKeyRecord> findByIdOptional(keyId)
                .filter(record -> record.tenant.equals(tenant));
        key.filter(record -> record.revokedAt == null).ifPresent(record -> {
            record.revokedAt = Instant.now();
            revoked.fire(new ApiKeys.Revoked(record.keySha256));
            announcer.announce(record);
            audit.record(subject(tenant), AuditEvent.Action.KEY_REVOKED, actor, call,
                    "key " + record.id + " (" + record.prefix + "…)");
        });
        return key;
    }

    @Transactional
    public List<ApiKeyRecord> keysOf(String tenant) {
        return ApiKeyRecord.list("tenant = ?1 order by createdAt", tenant);
    }

    private static String subject(String tenant) {
        return "tenant:" + tenant;
    }
}
