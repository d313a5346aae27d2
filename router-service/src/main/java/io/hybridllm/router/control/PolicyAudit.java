package io.hybridllm.router.control;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.jboss.logging.Logger;

import io.hybridllm.contracts.AuditEvent;
import io.hybridllm.contracts.Channels;
import io.hybridllm.contracts.SchemaVersion;
import io.hybridllm.contracts.json.Json;
import io.hybridllm.router.routing.PolicyInForce;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.Record;

/**
 * Writes who changed the routing policy, when, from where and what, on {@code llm.audit}: one event per change at the
 * place it was made (the replica that took the HTTP call, or the replica whose files were edited), refusals included.
 */
@ApplicationScoped
public class PolicyAudit {

    private static final Logger LOG = Logger.getLogger(PolicyAudit.class);
    private static final String SUBJECT = "policy";

    private final MutinyEmitter<Record<String, String>> audit;
    private final String replica;

    public PolicyAudit(@Channel(Channels.AUDIT) MutinyEmitter<Record<String, String>> audit,
            @ConfigProperty(name = "quarkus.application.name") String application) {
        this.audit = audit;
        this.replica = application + "@" + hostName();
    }

    /** A change made over the admin API, e.g. {@code PUT /v1/policy}. */
    public void adminChange(AuditEvent.Action action, String actor, String call, String version, String previousVersion,
            List<String> changedKeys, String detail) {
        send(new AuditEvent(SchemaVersion.CURRENT, UUID.randomUUID().toString(), SUBJECT, action, actor,
                call + " on " + replica, version, previousVersion, changedKeys, detail, Instant.now()));
    }

    /** An edit of this replica's policy files, applied or refused; the actor is the owner of the edited files. */
    public void fileEdit(PolicyInForce.FileEdit edit) {
        String files = edit.files().stream().map(Path::toString).collect(Collectors.joining(", "));
        String owners = edit.files().stream().map(PolicyAudit::owner).distinct().collect(Collectors.joining(", "));
        send(new AuditEvent(SchemaVersion.CURRENT, UUID.randomUUID().toString(), SUBJECT,
                edit.applied() ? AuditEvent.Action.POLICY_FILE_APPLIED : AuditEvent.Action.POLICY_REFUSED, owners,
                files + " on " + replica, edit.version(), edit.previousVersion(), edit.changedKeys(), edit.problems(),
                Instant.now()));
    }

    private void send(AuditEvent event) {
        // An audit the broker did not take is logged with its content, so that the change is on record somewhere.
        audit.send(Record.of(event.subject(), Json.write(event))).subscribe().with(done -> {
        }, failure -> LOG.errorf("audit event not written to Kafka (%s): %s", failure.getMessage(), Json.write(event)));
    }

    private static String owner(Path file) {
        try {
            return "file owner " + Files.getOwner(file).getName();
        } catch (IOException | UnsupportedOperationException e) {
            return "unknown (" + file.getFileName() + " removed or unreadable)";
        }
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
