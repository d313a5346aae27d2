package io.hybridllm.launcher.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.hybridllm.contracts.Topics;
import io.hybridllm.launcher.system.Service;

/**
 * Every manifest under deploy/kubernetes read against its schema (fabric8, Strimzi and Prometheus operator models,
 * strict), then checked against what the services need: probes, draining, disruption budgets, GPU placement, scaling.
 */
class KubernetesManifestsTest {

    private static final Manifests ALL = Manifests.in("deploy/kubernetes");
    private static final Manifests BASE = Manifests.in("deploy/kubernetes/base");

    @Test
    void everyManifestHasAKnownKindAndOnlyFieldsOfItsSchema() {
        assertThat(ALL.all()).extracting(Manifests.Manifest::kind).contains("Deployment", "Service",
                "PodDisruptionBudget", "Kafka", "KafkaNodePool", "KafkaTopic", "ScaledObject", "PodMonitor", "Cluster",
                "Database", "Namespace");
    }

    @Test
    void theCheckRejectsMisspeltFieldsAndNumbersWhereStringsBelong() {
        String deployment = """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: x}
                spec:
                  template:
                    spec:
                      containers:
                        - name: x
                          livenesProbe: {}
                """;
        assertThatThrownBy(() -> StrictModels.read(StrictModels.tree(deployment))).hasMessageContaining("livenesProbe");
        String topic = "apiVersion: kafka.strimzi.io/v1beta2\nkind: KafkaTopic\nmetadata: {name: t}\n"
                + "spec: {partition: 3}\n";
        assertThatThrownBy(() -> StrictModels.read(StrictModels.tree(topic))).hasMessageContaining("partition");
        String scaler = "apiVersion: keda.sh/v1alpha1\nkind: ScaledObject\nmetadata: {name: s}\n"
                + "spec: {scaleTargetRef: {name: s}, triggers: [{type: kafka, metadata: {lagThreshold: 8}}]}\n";
        assertThatThrownBy(() -> StrictModels.read(StrictModels.tree(scaler))).hasMessageContaining("lagThreshold");
    }

    @Test
    void everyContainerIsProbedOnQuarkusHealthAndBoundedInMemory() {
        for (Deployment deployment : BASE.of(Deployment.class)) {
            PodSpec pod = deployment.getSpec().getTemplate().getSpec();
            assertThat(pod.getSecurityContext().getRunAsNonRoot()).as(name(deployment)).isTrue();
            Container service = pod.getContainers().getFirst();
            assertThat(service.getLivenessProbe().getHttpGet().getPath()).isEqualTo("/q/health/live");
            assertThat(service.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/q/health/ready");
            assertThat(service.getStartupProbe().getHttpGet().getPath()).isEqualTo("/q/health/started");
            Stream.concat(pod.getContainers().stream(), pod.getInitContainers().stream()).forEach(container -> {
                assertThat(container.getResources().getRequests()).as(container.getName()).containsKeys("cpu",
                        "memory");
                assertThat(container.getResources().getLimits()).as(container.getName()).containsKey("memory");
            });
        }
    }

    @Test
    void everyDeploymentHasADisruptionBudgetThatSelectsIt() {
        List<PodDisruptionBudget> budgets = BASE.of(PodDisruptionBudget.class);
        for (Deployment deployment : BASE.of(Deployment.class)) {
            Map<String, String> labels = deployment.getSpec().getTemplate().getMetadata().getLabels();
            assertThat(budgets).as(name(deployment)).anySatisfy(
                    budget -> assertThat(labels).containsAllEntriesOf(budget.getSpec().getSelector().getMatchLabels()));
        }
    }

    @Test
    void workersAreGivenLongerThanTheirDrainTimeoutAndLeaveReplicasToKeda() {
        for (Deployment worker : workers()) {
            Service service = name(worker).startsWith("worker-local") ? Service.WORKER_LOCAL : Service.WORKER_CLOUD;
            assertThat(worker.getSpec().getTemplate().getSpec().getTerminationGracePeriodSeconds()).as(name(worker))
                    .isGreaterThan(DeployFiles.drainTimeoutSeconds(service));
            assertThat(worker.getSpec().getReplicas()).as(name(worker)).isNull();
        }
        assertThat(workers()).extracting(KubernetesManifestsTest::name).containsExactlyInAnyOrder("worker-local-fast",
                "worker-local-quality", "worker-cloud");
    }

    @Test
    void localPoolsRunOnGpuNodesWithOllamaBesideThem() {
        for (Deployment pool : workers().stream().filter(d -> name(d).startsWith("worker-local")).toList()) {
            PodSpec pod = pool.getSpec().getTemplate().getSpec();
            assertThat(pod.getNodeSelector()).containsEntry("hybrid-llm.io/pool", "gpu");
            assertThat(pod.getTolerations()).anySatisfy(t -> assertThat(t.getKey()).isEqualTo("nvidia.com/gpu"));
            Container ollama = pod.getInitContainers().stream().filter(c -> c.getName().equals("ollama")).findFirst()
                    .orElseThrow();
            // A native sidecar: it outlives the worker's drain.
            assertThat(ollama.getRestartPolicy()).isEqualTo("Always");
            assertThat(ollama.getResources().getLimits()).containsEntry("nvidia.com/gpu", new Quantity("1"));
            String tier = name(pool).substring("worker-".length());
            String other = tier.equals("local-fast") ? "local-quality" : "local-fast";
            Container worker = pod.getContainers().getFirst();
            assertThat(env(worker, "HYBRID_WORKER_TIERS")).isEqualTo(tier);
            assertThat(env(worker, "JAVA_OPTS_APPEND"))
                    .contains("-Dmp.messaging.incoming.tier-" + other + ".enabled=false");
        }
    }

    @Test
    void eachPoolScalesOnItsOwnGroupsLagUpToThePartitionCount() {
        List<CrdSubsets.ScaledObject> scalers = BASE.of(CrdSubsets.ScaledObject.class);
        Map<String, Service> pools = Map.of("worker-local-fast", Service.WORKER_LOCAL, "worker-local-quality",
                Service.WORKER_LOCAL, "worker-cloud", Service.WORKER_CLOUD);
        assertThat(scalers).extracting(s -> s.metadata().getName()).containsExactlyInAnyOrderElementsOf(pools.keySet());
        for (CrdSubsets.ScaledObject scaler : scalers) {
            String pool = scaler.metadata().getName();
            assertThat(scaler.spec().scaleTargetRef().name()).isEqualTo(pool);
            assertThat(scaler.spec().maxReplicaCount()).isEqualTo(Topics.TIER_PARTITIONS);
            Map<String, String> trigger = scaler.spec().triggers().getFirst().metadata();
            assertThat(scaler.spec().triggers().getFirst().type()).isEqualTo("kafka");
            // The group and topic the worker really consumes, from its application.properties.
            String channel = "mp.messaging.incoming.tier-" + pool.substring("worker-".length());
            var properties = DeployFiles.applicationProperties(pools.get(pool));
            assertThat(trigger).containsEntry("consumerGroup", properties.getProperty(channel + ".group.id"))
                    .containsEntry("topic", properties.getProperty(channel + ".topic"))
                    .containsEntry("allowIdleConsumers", "false");
            assertThat(Topics.ALL).anySatisfy(spec -> {
                assertThat(spec.name()).isEqualTo(trigger.get("topic"));
                assertThat(spec.partitions()).isEqualTo(Topics.TIER_PARTITIONS);
            });
        }
    }

    @Test
    void servicesTakeTheirWiringFromTheConfigMapAndTheSecretsTheDocsName() {
        for (Deployment deployment : BASE.of(Deployment.class)) {
            Container container = deployment.getSpec().getTemplate().getSpec().getContainers().getFirst();
            assertThat(container.getEnvFrom()).as(name(deployment))
                    .anySatisfy(from -> assertThat(from.getConfigMapRef().getName()).isEqualTo("hybrid-config"));
            container.getEnv().stream().map(var -> var.getValueFrom())
                    .filter(from -> from != null && from.getSecretKeyRef() != null)
                    .forEach(from -> assertThat(from.getSecretKeyRef().getName()).isIn("hybrid-db-app", "hybrid-admin",
                            KafkaAccessManifestsTest.principalOf(deployment), "hybrid-kafka-cluster-ca-cert"));
        }
        String operations = DeployFiles.read("docs/operations.md");
        assertThat(operations).contains("hybrid-db-app", "hybrid-provider-keys", "hybrid-admin", "hybrid-policy");
    }

    @Test
    void theFrontDoorAsksEveryTenantForItsKey() {
        Deployment ingest = BASE.of(Deployment.class, d -> name(d).equals(Service.INGEST.module())).getFirst();
        assertThat(env(ingest.getSpec().getTemplate().getSpec().getContainers().getFirst(), "HYBRID_INGEST_AUTH"))
                .isEqualTo("keys");
    }

    private static List<Deployment> workers() {
        return BASE.of(Deployment.class, d -> name(d).startsWith("worker-"));
    }

    private static String name(Deployment deployment) {
        return deployment.getMetadata().getName();
    }

    private static String env(Container container, String name) {
        return container.getEnv().stream().filter(var -> var.getName().equals(name)).map(var -> var.getValue())
                .filter(Objects::nonNull).findFirst().orElseThrow(() -> new AssertionError("no " + name)).strip();
    }
}
