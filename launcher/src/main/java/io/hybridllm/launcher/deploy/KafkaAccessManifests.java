package io.hybridllm.launcher.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import io.hybridllm.contracts.KafkaAccess;
import io.hybridllm.contracts.ReplyTopics;

/**
 * The deployments' principals and ACLs, written from {@link KafkaAccess}, so that Compose, the Kubernetes manifests
 * (Strimzi {@code KafkaUser}s) and the broker of {@code ./hybrid up} grant exactly the same. The committed files are
 * generated; a test fails when they drift, and {@link #main} writes them again.
 */
public final class KafkaAccessManifests {

    /** The Strimzi users of the services and of the lag reader, for deploy/kubernetes/base. */
    public static final String KUBERNETES_USERS = "deploy/kubernetes/base/kafka-users.yaml";
    /** The one-shot that makes the same principals and ACLs on Compose's broker. */
    public static final String COMPOSE_SCRIPT = "deploy/compose/kafka-access.sh";
    /** The Strimzi cluster the users belong to (deploy/kubernetes/base/kafka.yaml). */
    public static final String CLUSTER = "hybrid-kafka";

    private KafkaAccessManifests() {
    }

    /** Writes both generated files under {@code home}: {@code java -cp ... KafkaAccessManifests [home]}. */
    public static void main(String[] args) throws IOException {
        Path home = Path.of(args.length > 0 ? args[0] : ".");
        Files.writeString(home.resolve(KUBERNETES_USERS), kubernetesUsers());
        Files.writeString(home.resolve(COMPOSE_SCRIPT), composeScript());
    }

    /** A Compose variable holding a service's password, e.g. {@code KAFKA_PASSWORD_COST_SERVICE}. */
    public static String passwordVariable(String principal) {
        return "KAFKA_PASSWORD_" + principal.toUpperCase(Locale.ROOT).replace('-', '_');
    }

    public static String kubernetesUsers() {
        StringBuilder yaml = new StringBuilder(
                """
                        # Generated from io.hybridllm.contracts.KafkaAccess by launcher's KafkaAccessManifests: do not edit by hand.
                        # KafkaAccessManifestsTest fails when this file and the code disagree; the test's message says how to
                        # write it again. One SCRAM-SHA-512 user per service and one for the lag reader (KEDA, the exporter),
                        # each allowed exactly what its work needs (reply topics under the default prefix "%s").
                        # Strimzi's user operator keeps each password in a Secret named after the user (keys password and
                        # sasl.jaas.config), which the Deployments read. A tenant's user: ./hybrid kafka-user TENANT.
                        """
                        .formatted(ReplyTopics.DEFAULT_PREFIX));
        for (KafkaAccess.Service service : KafkaAccess.Service.values()) {
            yaml.append("---\n")
                    .append(kafkaUser(service.principal(), KafkaAccess.grants(service, ReplyTopics.DEFAULT_PREFIX),
                            "the " + service.principal() + " service"));
        }
        yaml.append("---\n").append(kafkaUser(KafkaAccess.LAG_READER, KafkaAccess.lagReaderGrants(),
                "offsets and consumer-group positions only, for KEDA and the lag exporter"));
        return yaml.toString();
    }

    /** A tenant's user, for its jobs that produce to Kafka directly and read their own reply topics. */
    public static String tenantUser(String tenant, String replyPrefix) {
        return kafkaUser(KafkaAccess.tenantPrincipal(tenant), KafkaAccess.tenantGrants(tenant, replyPrefix),
                "tenant " + tenant + ": writes requests." + tenant + ", reads " + replyPrefix + tenant + ".*");
    }

    private static String kafkaUser(String principal, List<KafkaAccess.Grant> grants, String what) {
        StringBuilder yaml = new StringBuilder();
        yaml.append("# ").append(what).append('\n');
        yaml.append("""
                apiVersion: kafka.strimzi.io/v1beta2
                kind: KafkaUser
                metadata:
                  name: %s
                  labels:
                    strimzi.io/cluster: %s
                spec:
                  authentication:
                    type: scram-sha-512
                  authorization:
                    type: simple
                    acls:
                """.formatted(principal, CLUSTER));
        for (KafkaAccess.Grant grant : grants) {
            yaml.append("""
                          - resource:
                              type: %s
                              name: "%s"
                              patternType: %s
                            operations:
                              - %s
                    """.formatted(grant.type().name().toLowerCase(Locale.ROOT), grant.name(),
                    grant.prefixed() ? "prefix" : "literal", operation(grant)));
        }
        return yaml.toString();
    }

    public static String composeScript() {
        StringBuilder script = new StringBuilder(scriptHeader());
        for (KafkaAccess.Service service : KafkaAccess.Service.values()) {
            appendPrincipal(script, service.principal(), KafkaAccess.grants(service, ReplyTopics.DEFAULT_PREFIX));
        }
        appendPrincipal(script, KafkaAccess.LAG_READER, KafkaAccess.lagReaderGrants());
        return script.toString();
    }

    /**
     * A tenant's principal on Compose's broker, as a script to run like {@link #COMPOSE_SCRIPT} (in the apache/kafka
     * image, with HYBRID_KAFKA_ADMIN_PASSWORD and the tenant's password variable set).
     */
    public static String composeTenant(String tenant, String replyPrefix) {
        StringBuilder script = new StringBuilder(scriptHeader());
        appendPrincipal(script, KafkaAccess.tenantPrincipal(tenant), KafkaAccess.tenantGrants(tenant, replyPrefix));
        return script.toString();
    }

    private static String scriptHeader() {
        return """
                #!/bin/bash
                # Generated from io.hybridllm.contracts.KafkaAccess by launcher's KafkaAccessManifests: do not edit by hand
                # (KafkaAccessManifestsTest fails when this file and the code disagree).
                # One-shot for docker-compose.yml, run in the apache/kafka image as the broker's administrator (PLAIN,
                # HYBRID_KAFKA_ADMIN_PASSWORD): a SCRAM-SHA-512 credential per service, with the password .env gives it,
                # and exactly the ACLs KafkaAccess grants (reply topics under the default prefix "%s").
                # Re-running sets the same passwords again and adds nothing twice.
                set -euo pipefail
                bootstrap="${KAFKA_BOOTSTRAP_SERVERS:-kafka:9092}"
                admin=/tmp/kafka-admin.properties
                printf '%%s\\n' 'security.protocol=SASL_PLAINTEXT' 'sasl.mechanism=PLAIN' \\
                  "sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username=\\"admin\\" password=\\"${HYBRID_KAFKA_ADMIN_PASSWORD:?set HYBRID_KAFKA_ADMIN_PASSWORD in .env}\\";" \\
                  > "$admin"

                user() { # principal password
                  /opt/kafka/bin/kafka-configs.sh --bootstrap-server "$bootstrap" --command-config "$admin" --alter \\
                    --add-config "SCRAM-SHA-512=[iterations=4096,password=$2]" --entity-type users --entity-name "$1"
                }

                allow() { # principal operation resource-type name pattern-type
                  /opt/kafka/bin/kafka-acls.sh --bootstrap-server "$bootstrap" --command-config "$admin" --add \\
                    --allow-principal "User:$1" --operation "$2" "--$3" "$4" --resource-pattern-type "$5"
                }
                """
                .formatted(ReplyTopics.DEFAULT_PREFIX);
    }

    private static void appendPrincipal(StringBuilder script, String principal, List<KafkaAccess.Grant> grants) {
        String variable = passwordVariable(principal);
        script.append("\nuser ").append(principal).append(" \"${").append(variable).append(":?set ").append(variable)
                .append(" in .env}\"\n");
        for (KafkaAccess.Grant grant : grants) {
            script.append("allow ").append(principal).append(' ').append(operation(grant)).append(' ')
                    .append(grant.type().name().toLowerCase(Locale.ROOT)).append(" '").append(grant.name()).append("' ")
                    .append(grant.prefixed() ? "prefixed" : "literal").append('\n');
        }
    }

    /** Kafka's and Strimzi's spelling: Read, Write, Create, Describe. */
    private static String operation(KafkaAccess.Grant grant) {
        String name = grant.operation().name();
        return name.charAt(0) + name.substring(1).toLowerCase(Locale.ROOT);
    }
}
