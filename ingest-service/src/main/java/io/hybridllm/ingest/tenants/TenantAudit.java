package io.hybridllm.ingest.tenants;

import java.io.IOException;
import java.net.InetAddress;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.jboss.logging.Logger;

import io.hybridllm.contracts.AuditEvent;
import io.hybridllm.contracts.Channels;
import io.hybridllm.contracts.SchemaVersion;
import io.hybridllm.contracts.json.Json;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.Record;

/**
 * Writes who changed tenants and keys, and who was refused the admin API, on {@code llm.audit}, keyed by the subject
 * ({@code tenant:<id>}, or {@code admin-api} for refusals). Events name keys by id and prefix, never the key.
 */
@ApplicationScoped
public class TenantAudit {

    private static final Logger LOG = Logger.getLogger(TenantAudit.class);

    private final MutinyEmitter<Record<String, String>> audit;
    private final String replica;

    public TenantAudit(@Channel(Channels.AUDIT) MutinyEmitter<Record<String, String>> audit,
            @ConfigProperty(name = "quarkus.application.name") String application) {
        this.audit = audit;
        this.replica = application + "@" + hostName();
    }

    public void record(String subject, AuditEvent.Action action, String actor, String call, String detail) {
        AuditEvent event = new AuditEvent(SchemaVersion.CURRENT, UUID.randomUUID().toString(), subject, action,
                actor == null || actor.isBlank() ? "admin" : actor, call + " on " + replica, null, null, List.of(),
                detail, Instant.now());
        // An audit the broker did not take is logged with its content, so that the change is on record somewhere.
        audit.send(Record.of(subject, Json.write(event))).subscribe().with(done -> {
        }, failure -> LOG.errorf("audit event not written to Kafka (%s): %s", failure.getMessage(), Json.write(event)));
    }

    private static String hostName() {
        String host = System.getenv("HOSTNAME");
        if (host != null && !host.isBlank()) {
            return host;
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "unknown-host";
        }
    }
}
