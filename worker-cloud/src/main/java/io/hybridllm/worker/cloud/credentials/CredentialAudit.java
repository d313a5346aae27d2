package io.hybridllm.worker.cloud.credentials;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Channel;
import org.jboss.logging.Logger;

import io.hybridllm.contracts.AuditEvent;
import io.hybridllm.contracts.Channels;
import io.hybridllm.contracts.SchemaVersion;
import io.hybridllm.contracts.json.Json;
import io.hybridllm.worker.core.pool.WorkerIdentity;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.Record;

/**
 * Writes every change to the stored keys, and every refused admin call, on {@code llm.audit}, keyed by the subject
 * ({@code credentials:<provider>}, or {@code admin-api} for refusals). Events name keys by id and fingerprint only.
 */
@ApplicationScoped
public class CredentialAudit {

    private static final Logger LOG = Logger.getLogger(CredentialAudit.class);

    private final MutinyEmitter<Record<String, String>> audit;

    public CredentialAudit(@Channel(Channels.AUDIT) MutinyEmitter<Record<String, String>> audit) {
        this.audit = audit;
    }

    /** A change to {@code key}, made by {@code actor} (null: an admin who did not say) through {@code call}. */
    public void keyChanged(AuditEvent.Action action, CredentialView key, String actor, String call, String detail) {
        record("credentials:" + key.provider(), action, actor, call,
                key.id() + " (fingerprint " + key.fingerprint() + ") " + detail);
    }

    public void record(String subject, AuditEvent.Action action, String actor, String call, String detail) {
        AuditEvent event = new AuditEvent(SchemaVersion.CURRENT, UUID.randomUUID().toString(), subject, action,
                actor == null || actor.isBlank() ? "admin" : actor,
                call + " on worker-cloud@" + WorkerIdentity.current(), null, null, List.of(), detail, Instant.now());
        // An audit the broker did not take is logged with its content, so that the change is on record somewhere.
        audit.send(Record.of(subject, Json.write(event))).subscribe().with(done -> {
        }, failure -> LOG.errorf("audit event not written to Kafka (%s): %s", failure.getMessage(), Json.write(event)));
    }
}
