package io.hybridllm.launcher.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import io.hybridllm.contracts.KafkaAccess;
import io.hybridllm.contracts.Topics;
import io.hybridllm.launcher.system.Service;

/** docker-compose.yml cannot be brought up here (no Docker engine), so it is read and checked against the code. */
class ComposeFileTest {

    private static final Pattern VARIABLE = Pattern.compile("(?<!\\$)\\$\\{([A-Za-z_][A-Za-z0-9_]*)");
    private static final Pattern TOPIC_LINE = Pattern.compile("^topic (\\S+) (\\d+) (\\S+)$", Pattern.MULTILINE);

    private final Map<String, Object> compose = DeployFiles.yaml("docker-compose.yml");
    private final Map<String, Map<String, Object>> services = Yamls.mapOfMaps(compose.get("services"));

    @Test
    void everyServiceIsBuiltFromThisRepositoryAndRunsWithItsWiring() {
        assertThat(services).containsKeys("kafka", "kafka-topics", "postgres", "ollama", "ollama-cpu", "kafka-exporter",
                "prometheus", "grafana");
        for (Service service : Service.values()) {
            Map<String, Object> definition = services.get(service.module());
            assertThat(definition).as(service.module()).isNotNull();
            Map<String, Object> build = Yamls.map(definition.get("build"));
            assertThat(build.get("dockerfile")).isEqualTo("deploy/docker/Dockerfile");
            assertThat(Yamls.map(build.get("args"))).containsEntry("MODULE", service.module());

            Map<String, Object> environment = Yamls.map(definition.get("environment"));
            String port = DeployFiles.applicationProperties(service).getProperty("quarkus.http.port");
            assertThat(String.valueOf(environment.get("SERVICE_PORT"))).as(service.module()).isEqualTo(port);
            // Closed by default: only the front door, which authenticates tenants, listens beyond the loopback.
            assertThat(Yamls.list(definition.get("ports"))).as(service.module())
                    .containsExactly(service == Service.INGEST ? port + ":" + port : "127.0.0.1:" + port + ":" + port);
            assertThat(environment.get("KAFKA_BOOTSTRAP_SERVERS")).isEqualTo("kafka:9092");
            assertThat(Yamls.list(Yamls.map(definition.get("healthcheck")).get("test")).toString())
                    .contains("/q/health/ready");

            Map<String, Object> dependsOn = Yamls.map(definition.get("depends_on"));
            assertThat(Yamls.map(dependsOn.get("kafka-topics"))).as(service.module()).containsEntry("condition",
                    "service_completed_successfully");
            if (service.database() != null) {
                assertThat(Yamls.map(dependsOn.get("postgres"))).containsEntry("condition", "service_healthy");
                assertThat(environment.get("QUARKUS_DATASOURCE_JDBC_URL"))
                        .isEqualTo("jdbc:postgresql://postgres:5432/" + service.database());
            }
        }
    }

    /** As on ./hybrid up: every listener authenticates, and every service connects as its own principal. */
    @Test
    void everyListenerAuthenticatesAndEveryServiceIsItsOwnPrincipal() {
        Map<String, Object> broker = Yamls.map(services.get("kafka").get("environment"));
        for (String listener : broker.get("KAFKA_LISTENER_SECURITY_PROTOCOL_MAP").toString().split(",")) {
            assertThat(listener).endsWith(":SASL_PLAINTEXT");
        }
        assertThat(broker)
                .containsEntry("KAFKA_AUTHORIZER_CLASS_NAME", "org.apache.kafka.metadata.authorizer.StandardAuthorizer")
                .containsEntry("KAFKA_ALLOW_EVERYONE_IF_NO_ACL_FOUND", "false")
                .containsEntry("KAFKA_SUPER_USERS", "User:admin");
        Map<String, Object> setUp = Yamls.map(services.get("kafka-topics").get("environment"));
        for (Service service : Service.values()) {
            String principal = service.kafkaAccess().principal();
            String password = KafkaAccessManifests.passwordVariable(principal);
            Map<String, Object> environment = Yamls.map(services.get(service.module()).get("environment"));
            assertThat(environment).as(service.module()).containsEntry("KAFKA_SECURITY_PROTOCOL", "SASL_PLAINTEXT")
                    .containsEntry("KAFKA_SASL_MECHANISM", "SCRAM-SHA-512");
            assertThat(environment.get("KAFKA_SASL_JAAS_CONFIG").toString())
                    .contains("ScramLoginModule required username=\"" + principal + "\"", "${" + password + ":?");
            assertThat(setUp).containsKey(password);
        }
        assertThat(setUp).containsKeys("HYBRID_KAFKA_ADMIN_PASSWORD",
                KafkaAccessManifests.passwordVariable(KafkaAccess.LAG_READER));
        assertThat(Yamls.list(services.get("kafka-topics").get("volumes")).toString())
                .contains(KafkaAccessManifests.COMPOSE_SCRIPT);
        assertThat(Yamls.list(services.get("kafka-exporter").get("command")).toString())
                .contains("--sasl.username=" + KafkaAccess.LAG_READER);
    }

    @Test
    void nothingButTheFrontDoorIsOpenToTheNetworkAndItAsksForKeys() {
        assertThat(Yamls.list(services.get("kafka").get("ports")))
                .containsExactly("127.0.0.1:${KAFKA_EXTERNAL_PORT:-9094}:9094");
        services.forEach((name, definition) -> Yamls.list(definition.getOrDefault("ports", List.of()))
                .forEach(port -> assertThat(port.toString()).as(name)
                        .matches(name.equals(Service.INGEST.module()) ? "8080:8080" : "127\\.0\\.0\\.1:.*")));
        assertThat(Yamls.map(services.get("ingest-service").get("environment"))).containsEntry("HYBRID_INGEST_AUTH",
                "${HYBRID_INGEST_AUTH:-keys}");
    }

    @Test
    void workersGetLongerThanTheirDrainTimeoutToStop() {
        for (Service worker : List.of(Service.WORKER_LOCAL, Service.WORKER_CLOUD)) {
            Duration grace = Duration
                    .parse("PT" + services.get(worker.module()).get("stop_grace_period").toString().toUpperCase());
            assertThat(grace.toSeconds()).as(worker.module()).isGreaterThan(DeployFiles.drainTimeoutSeconds(worker));
        }
    }

    @Test
    void ollamaComesAsAGpuProfileOrACpuFallbackUnderOneName() {
        assertThat(Yamls.list(services.get("ollama").get("profiles"))).containsExactly("gpu");
        assertThat(Yamls.map(services.get("ollama").get("deploy")).toString()).contains("driver=nvidia");
        assertThat(Yamls.list(services.get("ollama-cpu").get("profiles"))).containsExactly("cpu");
        assertThat(services.get("ollama-cpu").get("networks").toString()).contains("aliases=[ollama]");
        assertThat(Yamls.map(services.get("worker-local").get("environment"))).containsEntry("OLLAMA_HOST",
                "http://ollama:11434");
    }

    @Test
    void everyReferencedVariableIsDocumentedInEnvExample() {
        Set<String> referenced = new TreeSet<>();
        Matcher matcher = VARIABLE.matcher(DeployFiles.read("docker-compose.yml"));
        while (matcher.find()) {
            referenced.add(matcher.group(1));
        }
        Set<String> documented = envExampleKeys();
        assertThat(referenced).isNotEmpty();
        assertThat(documented).containsAll(referenced);
        // COMPOSE_PROFILES is read by Compose itself, not through ${...}.
        assertThat(documented).contains("COMPOSE_PROFILES");
    }

    @Test
    void envExampleHoldsPlaceholdersOnlyAndTheRealFileIsIgnored() {
        for (String line : DeployFiles.read(".env.example").lines().filter(l -> l.contains("=") && !l.startsWith("#"))
                .toList()) {
            String key = line.substring(0, line.indexOf('='));
            String value = line.substring(line.indexOf('=') + 1);
            if (key.matches(".*(KEY|PASSWORD|TOKEN).*")) {
                assertThat(value).as(key).isIn("", "change-me");
            }
        }
        assertThat(DeployFiles.read(".gitignore").lines()).contains(".env");
        assertThat(DeployFiles.read(".dockerignore").lines()).contains(".env");
    }

    @Test
    void theTopicStepCreatesExactlyTheTopicsOfTheContracts() {
        Set<String> created = new LinkedHashSet<>();
        Matcher matcher = TOPIC_LINE.matcher(DeployFiles.read("deploy/compose/create-topics.sh"));
        while (matcher.find()) {
            created.add(matcher.group(1) + " " + matcher.group(2) + " " + matcher.group(3));
        }
        Set<String> expected = Topics.ALL.stream()
                .map(spec -> spec.name() + " " + spec.partitions() + " "
                        + (spec.compacted() ? "cleanup.policy=compact" : "retention.ms=" + spec.retention().toMillis()))
                .collect(Collectors.toCollection(LinkedHashSet::new));
        assertThat(created).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void everyMountedFileExists() {
        for (Map<String, Object> definition : services.values()) {
            for (Object volume : Yamls.list(definition.getOrDefault("volumes", List.of()))) {
                String source = volume.toString().split(":")[0];
                if (source.startsWith("./")) {
                    assertThat(DeployFiles.path(source.substring(2))).as(volume.toString()).exists();
                }
            }
        }
    }

    @Test
    void theImageIsMultiStageAndRunsAsANonRootUser() {
        List<String> lines = DeployFiles.read("deploy/docker/Dockerfile").lines().toList();
        assertThat(lines.stream().filter(line -> line.startsWith("FROM "))).hasSize(2);
        String lastUser = lines.stream().filter(line -> line.startsWith("USER ")).reduce((a, b) -> b).orElseThrow();
        assertThat(lastUser).isNotIn("USER root", "USER 0");
        assertThat(String.join("\n", lines)).contains("/q/health/ready", "quarkus-app");
    }

    private static Set<String> envExampleKeys() {
        return DeployFiles.read(".env.example").lines().map(String::strip)
                .filter(line -> !line.startsWith("#") && line.contains("="))
                .map(line -> line.substring(0, line.indexOf('='))).collect(Collectors.toCollection(TreeSet::new));
    }
}
