package io.hybridllm.launcher.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import io.hybridllm.testkit.kafka.EmbeddedKafka;
import io.hybridllm.testkit.postgres.EmbeddedPostgresServer;

/**
 * What each service process is started with: the broker, its own Kafka principal, its database (created here), the
 * launch's own variables, and worker-cloud's credential store key. The simulators' addresses are added by
 * {@code SimulatorWiring}.
 */
final class ServiceEnvironments {

    private ServiceEnvironments() {
    }

    static Map<Service, Map<String, String>> of(LaunchOptions options, EmbeddedKafka kafka,
            EmbeddedPostgresServer postgres, String replyPrefix) {
        Map<String, String> common = Map.of("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
        Map<Service, Map<String, String>> env = new HashMap<>();
        for (Service service : Service.values()) {
            Map<String, String> vars = new HashMap<>(common);
            vars.putAll(options.environment());
            vars.putAll(KafkaPrincipals.forService(kafka, service, replyPrefix).serviceEnvironment());
            if (service.database() != null) {
                postgres.createDatabase(service.database());
                vars.put("QUARKUS_DATASOURCE_JDBC_URL", postgres.jdbcUrl(service.database()));
                vars.put("QUARKUS_DATASOURCE_USERNAME", postgres.username());
                vars.put("QUARKUS_DATASOURCE_PASSWORD", postgres.password());
            }
            env.put(service, vars);
        }
        sealCredentialStore(options, env.get(Service.WORKER_CLOUD));
        return env;
    }

    /**
     * worker-cloud's credential store needs a master key. Unless the caller brings one, a fresh one is made for this
     * run, like the database it seals, in .hybrid/ (git-ignored), readable by its owner only.
     */
    private static void sealCredentialStore(LaunchOptions options, Map<String, String> workerCloud) {
        String variable = "HYBRID_CREDENTIALS_MASTER_KEY";
        if (workerCloud.containsKey(variable) || System.getenv(variable) != null
                || System.getenv("HYBRID_CLOUD_CREDENTIALS_MASTER_KEY_FILE") != null) {
            return;
        }
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        Path file = options.state().resolve("credentials-master.key");
        try {
            Files.deleteIfExists(file);
            Set<PosixFilePermission> ownerOnly = PosixFilePermissions.fromString("rw-------");
            if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(ownerOnly));
            }
            Files.writeString(file, Base64.getEncoder().encodeToString(key));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write worker-cloud's master key to " + file, e);
        }
        workerCloud.put("HYBRID_CLOUD_CREDENTIALS_MASTER_KEY_FILE", file.toString());
    }
}
