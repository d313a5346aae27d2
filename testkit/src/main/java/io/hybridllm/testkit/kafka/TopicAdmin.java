package io.hybridllm.testkit.kafka;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;

import io.hybridllm.contracts.Topics.TopicSpec;

/** Creates the system's topics as {@link io.hybridllm.contracts.Topics} lays them out; existing ones are kept. */
public final class TopicAdmin {

    public static void createAll(String bootstrapServers, Collection<TopicSpec> specs) {
        createAll(bootstrapServers, specs, (short) 1);
    }

    /** On a broker that authenticates: as its administrator. */
    public static void createAll(KafkaBroker broker, Collection<TopicSpec> specs) {
        createAll(broker.adminClientConfig(), specs, (short) 1);
    }

    /** On a real cluster: {@code replicationFactor} 3 is the usual choice. */
    public static void createAll(String bootstrapServers, Collection<TopicSpec> specs, short replicationFactor) {
        createAll(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers), specs, replicationFactor);
    }

    private static void createAll(Map<String, Object> client, Collection<TopicSpec> specs, short replicationFactor) {
        String bootstrapServers = String.valueOf(client.get(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG));
        try (Admin admin = Admin.create(client)) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> missing = specs.stream().filter(spec -> !existing.contains(spec.name()))
                    .map(spec -> newTopic(spec, replicationFactor)).toList();
            admin.createTopics(missing).all().get(60, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot create topics: " + e.getCause().getMessage(), e.getCause());
        } catch (Exception e) {
            throw new IllegalStateException("cannot create topics on " + bootstrapServers + ": " + e, e);
        }
    }

    private static NewTopic newTopic(TopicSpec spec, short replicationFactor) {
        Map<String, String> configs = new HashMap<>();
        if (spec.compacted()) {
            configs.put(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT);
        } else {
            configs.put(TopicConfig.RETENTION_MS_CONFIG, String.valueOf(spec.retention().toMillis()));
        }
        if (replicationFactor > 1) {
            configs.put(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, String.valueOf(replicationFactor - 1));
        }
        return new NewTopic(spec.name(), spec.partitions(), replicationFactor).configs(configs);
    }

    private TopicAdmin() {
    }
}
