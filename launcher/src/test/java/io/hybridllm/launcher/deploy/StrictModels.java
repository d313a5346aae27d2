package io.hybridllm.launcher.deploy;

import java.util.Map;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.BeanDeserializerBuilder;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/**
 * Reads a Kubernetes resource into the model class of its apiVersion and kind, failing on any field the schema does not
 * have. The fabric8 and Strimzi classes keep unknown fields in an "additional properties" map (JsonAnySetter), which
 * would let a misspelt field through; this mapper removes that map, so an unknown field is an error with its path, as
 * the API server's strict field validation would report it. Strings stay strings: a number where Kubernetes wants a
 * string (an env value, a KEDA trigger parameter) is refused too.
 */
final class StrictModels {

    /** apiVersion/kind to the class that stands for its schema. */
    private static final Map<String, Class<?>> MODELS = Map.ofEntries(
            Map.entry("v1/Namespace", io.fabric8.kubernetes.api.model.Namespace.class),
            Map.entry("v1/Service", io.fabric8.kubernetes.api.model.Service.class),
            Map.entry("v1/ConfigMap", io.fabric8.kubernetes.api.model.ConfigMap.class),
            Map.entry("v1/Secret", io.fabric8.kubernetes.api.model.Secret.class),
            Map.entry("apps/v1/Deployment", io.fabric8.kubernetes.api.model.apps.Deployment.class),
            Map.entry("policy/v1/PodDisruptionBudget",
                    io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget.class),
            Map.entry("monitoring.coreos.com/v1/PodMonitor",
                    io.fabric8.openshift.api.model.monitoring.v1.PodMonitor.class),
            Map.entry("kafka.strimzi.io/v1beta2/Kafka", io.strimzi.api.kafka.model.kafka.Kafka.class),
            Map.entry("kafka.strimzi.io/v1beta2/KafkaNodePool",
                    io.strimzi.api.kafka.model.nodepool.KafkaNodePool.class),
            Map.entry("kafka.strimzi.io/v1beta2/KafkaTopic", io.strimzi.api.kafka.model.topic.KafkaTopic.class),
            Map.entry("kafka.strimzi.io/v1beta2/KafkaUser", io.strimzi.api.kafka.model.user.KafkaUser.class),
            // No Java model of these two is published: CrdSubsets transcribes the part of their CRDs we use.
            Map.entry("keda.sh/v1alpha1/ScaledObject", CrdSubsets.ScaledObject.class),
            Map.entry("keda.sh/v1alpha1/TriggerAuthentication", CrdSubsets.TriggerAuthentication.class),
            Map.entry("postgresql.cnpg.io/v1/Cluster", CrdSubsets.Cluster.class),
            Map.entry("postgresql.cnpg.io/v1/Database", CrdSubsets.Database.class));

    private static final ObjectMapper MAPPER = strictMapper();

    static JsonNode tree(String yaml) {
        try {
            return MAPPER.readTree(yaml);
        } catch (Exception e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /**
     * The resource as its model; an IllegalArgumentException says which field is wrong, or that the kind is unknown.
     */
    static Object read(JsonNode resource) {
        String type = resource.path("apiVersion").asText() + "/" + resource.path("kind").asText();
        Class<?> model = MODELS.get(type);
        if (model == null) {
            throw new IllegalArgumentException("no schema known for " + type + ": add its model to StrictModels");
        }
        try {
            return MAPPER.treeToValue(resource, model);
        } catch (Exception e) {
            throw new IllegalArgumentException(type + ": " + e.getMessage(), e);
        }
    }

    private static ObjectMapper strictMapper() {
        YAMLMapper mapper = new YAMLMapper();
        mapper.configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
        mapper.configure(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES, true);
        mapper.coercionConfigFor(LogicalType.Textual).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        SimpleModule noAdditionalProperties = new SimpleModule();
        noAdditionalProperties.setDeserializerModifier(new BeanDeserializerModifier() {
            @Override
            public BeanDeserializerBuilder updateBuilder(DeserializationConfig config, BeanDescription description,
                    BeanDeserializerBuilder builder) {
                builder.setAnySetter(null);
                builder.setIgnoreUnknownProperties(false);
                return builder;
            }
        });
        mapper.registerModule(noAdditionalProperties);
        return mapper;
    }

    private StrictModels() {
    }
}
