package io.hybridllm.launcher.deploy;

import java.util.List;
import java.util.Map;

import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscalerBehavior;

/**
 * The fields we use of two CRDs that have no published Java model, transcribed from their specifications: KEDA's
 * {@code keda.sh/v1alpha1 ScaledObject} and {@code TriggerAuthentication} (KEDA 2.x) and CloudNativePG's
 * {@code postgresql.cnpg.io/v1 Cluster} and {@code Database}. Each record lists the CRD's fields at that level that we
 * use or that are commonly set, so a misspelt or invented field fails; the field types follow the CRD (KEDA trigger
 * metadata is string to string).
 */
final class CrdSubsets {

    record ScaledObject(String apiVersion, String kind, ObjectMeta metadata, ScaledObjectSpec spec) {
    }

    record ScaledObjectSpec(ScaleTarget scaleTargetRef, Integer pollingInterval, Integer cooldownPeriod,
            Integer initialCooldownPeriod, Integer idleReplicaCount, Integer minReplicaCount, Integer maxReplicaCount,
            Fallback fallback, Advanced advanced, List<Trigger> triggers) {
    }

    record ScaleTarget(String apiVersion, String kind, String name, String envSourceContainerName) {
    }

    record Fallback(Integer failureThreshold, Integer replicas) {
    }

    record Advanced(Boolean restoreToOriginalReplicaCount, HpaConfig horizontalPodAutoscalerConfig) {
    }

    record HpaConfig(String name, HorizontalPodAutoscalerBehavior behavior) {
    }

    record Trigger(String type, String name, Boolean useCachedMetrics, String metricType, Map<String, String> metadata,
            AuthenticationRef authenticationRef) {
    }

    record AuthenticationRef(String name, String kind) {
    }

    /** KEDA's credentials for a scaler: each parameter from a key of a Secret. */
    record TriggerAuthentication(String apiVersion, String kind, ObjectMeta metadata, TriggerAuthenticationSpec spec) {
    }

    record TriggerAuthenticationSpec(List<SecretTargetRef> secretTargetRef) {
    }

    record SecretTargetRef(String parameter, String name, String key) {
    }

    record Cluster(String apiVersion, String kind, ObjectMeta metadata, ClusterSpec spec) {
    }

    record ClusterSpec(Integer instances, String imageName, String description, Storage storage, Storage walStorage,
            Bootstrap bootstrap, ResourceRequirements resources, Postgresql postgresql, Monitoring monitoring,
            String primaryUpdateStrategy) {
    }

    record Storage(String size, String storageClass, Boolean resizeInUseVolumes) {
    }

    record Bootstrap(Initdb initdb) {
    }

    record Initdb(String database, String owner, SecretRef secret, String encoding, String localeCollate,
            String localeCType) {
    }

    record SecretRef(String name) {
    }

    record Postgresql(Map<String, String> parameters) {
    }

    record Monitoring(Boolean enablePodMonitor) {
    }

    record Database(String apiVersion, String kind, ObjectMeta metadata, DatabaseSpec spec) {
    }

    record DatabaseSpec(String name, String owner, SecretRef cluster, String ensure, String databaseReclaimPolicy) {
    }

    private CrdSubsets() {
    }
}
