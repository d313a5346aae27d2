package io.hybridllm.launcher.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.hybridllm.contracts.KafkaAccess;
import io.hybridllm.contracts.ReplyTopics;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.kafka.listener.GenericKafkaListener;
import io.strimzi.api.kafka.model.kafka.listener.KafkaListenerAuthenticationScramSha512;
import io.strimzi.api.kafka.model.user.KafkaUser;
import io.strimzi.api.kafka.model.user.KafkaUserAuthorizationSimple;
import io.strimzi.api.kafka.model.user.KafkaUserScramSha512ClientAuthentication;
import io.strimzi.api.kafka.model.user.acl.AclResourcePatternType;
import io.strimzi.api.kafka.model.user.acl.AclRule;
import io.strimzi.api.kafka.model.user.acl.AclRuleGroupResource;
import io.strimzi.api.kafka.model.user.acl.AclRuleTopicResource;

/**
 * The deployments grant on the broker exactly what {@link KafkaAccess} grants, as {@code ./hybrid up} does: the Strimzi
 * users and Compose's set-up script are generated from it, every listener authenticates, and every service connects as
 * its own principal. To write the generated files again after a change of {@link KafkaAccess}:
 * {@code ./mvnw -pl launcher -am test -Dtest=KafkaAccessManifestsTest -Dsurefire.failIfNoSpecifiedTests=false
 * -Dhybrid.write-manifests=true}.
 */
class KafkaAccessManifestsTest {

    private static final Manifests BASE = Manifests.in("deploy/kubernetes/base");

    @BeforeAll
    static void writeWhenAsked() throws IOException {
        if (Boolean.getBoolean("hybrid.write-manifests")) {
            Files.writeString(DeployFiles.path(KafkaAccessManifests.KUBERNETES_USERS),
                    KafkaAccessManifests.kubernetesUsers());
            Files.writeString(DeployFiles.path(KafkaAccessManifests.COMPOSE_SCRIPT),
                    KafkaAccessManifests.composeScript());
        }
    }

    /** The principal a Deployment connects as: worker-local-fast and -quality are both worker-local. */
    static String principalOf(Deployment deployment) {
        String name = deployment.getMetadata().getName();
        return name.startsWith("worker-local-") ? KafkaAccess.Service.WORKER_LOCAL.principal() : switch (name) {
            case "ingest-service" -> KafkaAccess.Service.INGEST.principal();
            case "router-service" -> KafkaAccess.Service.ROUTER.principal();
            default -> name;
        };
    }

    @Test
    void theCommittedFilesAreWhatTheCodeGenerates() {
        String hint = " differs from what KafkaAccess generates: write it again (see this test's comment)";
        assertThat(DeployFiles.read(KafkaAccessManifests.KUBERNETES_USERS))
                .as(KafkaAccessManifests.KUBERNETES_USERS + hint).isEqualTo(KafkaAccessManifests.kubernetesUsers());
        assertThat(DeployFiles.read(KafkaAccessManifests.COMPOSE_SCRIPT)).as(KafkaAccessManifests.COMPOSE_SCRIPT + hint)
                .isEqualTo(KafkaAccessManifests.composeScript());
        assertThat(DeployFiles.read("deploy/kubernetes/base/kustomization.yaml")).contains("- kafka-users.yaml");
    }

    /** Read back through Strimzi's own model: each user's ACLs are the grants, one for one. */
    @Test
    void eachStrimziUserHasExactlyItsGrants() {
        Map<String, KafkaUser> users = BASE.of(KafkaUser.class).stream()
                .collect(Collectors.toMap(user -> user.getMetadata().getName(), user -> user));
        Map<String, List<KafkaAccess.Grant>> expected = new java.util.HashMap<>();
        for (KafkaAccess.Service service : KafkaAccess.Service.values()) {
            expected.put(service.principal(), KafkaAccess.grants(service, ReplyTopics.DEFAULT_PREFIX));
        }
        expected.put(KafkaAccess.LAG_READER, KafkaAccess.lagReaderGrants());
        assertThat(users.keySet()).containsExactlyInAnyOrderElementsOf(expected.keySet());
        expected.forEach((principal, grants) -> {
            KafkaUser user = users.get(principal);
            assertThat(user.getMetadata().getLabels()).containsEntry("strimzi.io/cluster", "hybrid-kafka");
            assertThat(user.getSpec().getAuthentication()).isInstanceOf(KafkaUserScramSha512ClientAuthentication.class);
            List<AclRule> acls = ((KafkaUserAuthorizationSimple) user.getSpec().getAuthorization()).getAcls();
            assertThat(acls.stream().map(KafkaAccessManifestsTest::grantOf).toList()).as(principal)
                    .containsExactlyInAnyOrderElementsOf(grants);
        });
    }

    @Test
    void everyListenerAuthenticatesAndTheBrokerAuthorizes() {
        Kafka kafka = BASE.of(Kafka.class).getFirst();
        assertThat(kafka.getSpec().getKafka().getListeners()).isNotEmpty().allSatisfy((GenericKafkaListener l) -> {
            assertThat(l.getAuth()).isInstanceOf(KafkaListenerAuthenticationScramSha512.class);
            assertThat(l.isTls()).isTrue();
        });
        assertThat(kafka.getSpec().getKafka().getAuthorization().getType()).isEqualTo("simple");
    }

    @Test
    void everyServiceConnectsAsItsOwnPrincipalOverTls() {
        String config = DeployFiles.read("deploy/kubernetes/base/kustomization.yaml");
        assertThat(config).contains("KAFKA_SECURITY_PROTOCOL=SASL_SSL", "KAFKA_SASL_MECHANISM=SCRAM-SHA-512",
                "KAFKA_SSL_TRUSTSTORE_TYPE=PEM", "KAFKA_BOOTSTRAP_SERVERS=hybrid-kafka-kafka-bootstrap:9093");
        List<Deployment> deployments = BASE.of(Deployment.class);
        assertThat(deployments).hasSize(6);
        for (Deployment deployment : deployments) {
            Container container = deployment.getSpec().getTemplate().getSpec().getContainers().getFirst();
            assertThat(secretOf(container, "KAFKA_SASL_JAAS_CONFIG")).as(deployment.getMetadata().getName())
                    .isEqualTo(principalOf(deployment) + "/sasl.jaas.config");
            assertThat(secretOf(container, "KAFKA_SSL_TRUSTSTORE_CERTIFICATES"))
                    .isEqualTo("hybrid-kafka-cluster-ca-cert/ca.crt");
        }
    }

    @Test
    void kedaReadsLagAsTheLagReader() {
        List<CrdSubsets.ScaledObject> scalers = BASE.of(CrdSubsets.ScaledObject.class);
        CrdSubsets.TriggerAuthentication auth = BASE.of(CrdSubsets.TriggerAuthentication.class).getFirst();
        scalers.forEach(scaler -> scaler.spec().triggers().forEach(trigger -> {
            assertThat(trigger.authenticationRef().name()).isEqualTo(auth.metadata().getName());
            assertThat(trigger.metadata().get("bootstrapServers")).endsWith(":9093");
        }));
        assertThat(auth.spec().secretTargetRef()).extracting(CrdSubsets.SecretTargetRef::parameter)
                .containsExactlyInAnyOrder("sasl", "username", "password", "tls", "ca");
        assertThat(auth.spec().secretTargetRef()).filteredOn(ref -> ref.parameter().equals("password")).singleElement()
                .extracting(CrdSubsets.SecretTargetRef::name).isEqualTo(KafkaAccess.LAG_READER);
        assertThat(DeployFiles.read("deploy/kubernetes/base/kustomization.yaml")).contains("sasl=scram_sha512",
                "username=" + KafkaAccess.LAG_READER, "tls=enable");
    }

    @Test
    void aTenantsUserIsItsGrantsOnly() {
        KafkaUser user = (KafkaUser) Manifests.read(java.nio.file.Path.of("tenant"),
                KafkaAccessManifests.tenantUser("acme", ReplyTopics.DEFAULT_PREFIX)).getFirst().model();
        assertThat(user.getMetadata().getName()).isEqualTo("tenant-acme");
        assertThat(((KafkaUserAuthorizationSimple) user.getSpec().getAuthorization()).getAcls().stream()
                .map(KafkaAccessManifestsTest::grantOf).toList()).containsExactlyInAnyOrderElementsOf(
                        KafkaAccess.tenantGrants("acme", ReplyTopics.DEFAULT_PREFIX));
    }

    @Test
    void aTenantsComposeScriptMakesItsPrincipalWithItsGrantsOnly() {
        String script = KafkaAccessManifests.composeTenant("acme", ReplyTopics.DEFAULT_PREFIX);
        assertThat(script).contains("user tenant-acme \"${KAFKA_PASSWORD_TENANT_ACME:?",
                "allow tenant-acme Write topic 'requests.acme' literal",
                "allow tenant-acme Write topic 'feedback.acme' literal",
                "allow tenant-acme Read topic 'replies.acme.' prefixed",
                "allow tenant-acme Read group 'replies.acme.' prefixed",
                "allow tenant-acme Read topic 'llm.alerts.tenant.acme' literal",
                "allow tenant-acme Read topic 'llm.alerts.everyone' literal");
        assertThat(script.lines().filter(line -> line.startsWith("allow "))).hasSize(6);
    }

    private static String secretOf(Container container, String variable) {
        EnvVar env = container.getEnv().stream().filter(var -> var.getName().equals(variable)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + variable));
        return env.getValueFrom().getSecretKeyRef().getName() + "/" + env.getValueFrom().getSecretKeyRef().getKey();
    }

    private static KafkaAccess.Grant grantOf(AclRule rule) {
        Set<String> operations = rule.getOperations().stream().map(Object::toString).collect(Collectors.toSet());
        assertThat(operations).hasSize(1);
        KafkaAccess.Operation operation = KafkaAccess.Operation.valueOf(operations.iterator().next().toUpperCase());
        return switch (rule.getResource()) {
            case AclRuleTopicResource topic -> new KafkaAccess.Grant(operation, KafkaAccess.ResourceType.TOPIC,
                    topic.getName(), topic.getPatternType() == AclResourcePatternType.PREFIX);
            case AclRuleGroupResource group -> new KafkaAccess.Grant(operation, KafkaAccess.ResourceType.GROUP,
                    group.getName(), group.getPatternType() == AclResourcePatternType.PREFIX);
            default -> throw new AssertionError("unexpected ACL resource " + rule.getResource());
        };
    }
}
