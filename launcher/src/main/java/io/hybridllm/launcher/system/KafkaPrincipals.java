package io.hybridllm.launcher.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.hybridllm.contracts.KafkaAccess;
import io.hybridllm.contracts.Topics;
import io.hybridllm.testkit.kafka.BrokerAccess;
import io.hybridllm.testkit.kafka.EmbeddedKafka;
import io.hybridllm.testkit.kafka.SaslScram;
import io.hybridllm.testkit.kafka.TopicAdmin;

/**
 * The principals of a local system's broker: one per service with exactly its grants ({@link KafkaAccess}), made with a
 * fresh password on every start, and the administrator's client settings in a file of the state directory (readable by
 * its owner only) for whoever wants to produce to or read the broker by hand.
 */
public final class KafkaPrincipals {

    public static final String ADMIN_PROPERTIES = "kafka-admin.properties";

    private KafkaPrincipals() {
    }

    /** The credentials {@code service} connects with (replicas of a service share its principal). */
    static SaslScram forService(EmbeddedKafka kafka, Service service, String replyPrefix) {
        KafkaAccess.Service principal = service.kafkaAccess();
        return BrokerAccess.addPrincipal(kafka, principal.principal(), KafkaAccess.grants(principal, replyPrefix));
    }

    /**
     * A client configuration for {@code tenant}'s own principal, and its request and feedback topics: it may write
     * requests and feedback there and read its reply topics, nothing else.
     */
    static Map<String, Object> forTenant(EmbeddedKafka kafka, String tenant, String replyPrefix) {
        TopicAdmin.createAll(kafka,
                List.of(new Topics.TopicSpec(Topics.tenantRequests(tenant), 3, Duration.ofDays(7), false),
                        new Topics.TopicSpec(Topics.tenantFeedback(tenant), 1, Duration.ofDays(7), false)));
        SaslScram credentials = BrokerAccess.addPrincipal(kafka, KafkaAccess.tenantPrincipal(tenant),
                KafkaAccess.tenantGrants(tenant, replyPrefix));
        Map<String, Object> client = new HashMap<>(credentials.clientConfig());
        client.put("bootstrap.servers", kafka.bootstrapServers());
        return Map.copyOf(client);
    }

    /** Writes the administrator's client settings where {@code kafka-console-producer --producer.config} takes them. */
    static void writeAdminProperties(EmbeddedKafka kafka, Path state) {
        Path file = state.resolve(ADMIN_PROPERTIES);
        String text = kafka.adminClientConfig().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).sorted()
                .collect(Collectors.joining("\n", "", "\n"));
        try {
            Files.createDirectories(state);
            Files.deleteIfExists(file);
            if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.createFile(file,
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            }
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the broker's admin settings to " + file, e);
        }
    }
}
