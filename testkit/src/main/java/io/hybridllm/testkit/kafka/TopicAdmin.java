package io.hybridllm.testkit.kafka;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

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
        Map<String, String> configs = new HashMap<>(spec.configs());
        if (replicationFactor > 1) {
            configs.put(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, String.valueOf(replicationFactor - 1));
        }
        return new NewTopic(spec.name(), spec.partitions(), replicationFactor).configs(configs);
    }

    /**
     * How {@code topic} is laid out, as a spec of its name: its partitions, and its compaction or retention. A topic
     * made a moment ago is waited for, up to ten seconds, until the broker's metadata knows it.
     */
    public static TopicSpec layout(String bootstrapServers, String topic) {
        long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (true) {
            try {
                return describe(bootstrapServers, topic);
            } catch (IllegalStateException e) {
                if (!(e.getCause() instanceof ExecutionException cause
                        && cause.getCause() instanceof UnknownTopicOrPartitionException) || System.nanoTime() > until) {
                    throw e;
                }
            }
        }
    }

    private static TopicSpec describe(String bootstrapServers, String topic) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            int partitions = admin.describeTopics(List.of(topic)).allTopicNames().get(30, TimeUnit.SECONDS).get(topic)
                    .partitions().size();
            ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
            Config config = admin.describeConfigs(List.of(resource)).all().get(30, TimeUnit.SECONDS).get(resource);
            boolean compacted = config.get(TopicConfig.CLEANUP_POLICY_CONFIG).value()
                    .contains(TopicConfig.CLEANUP_POLICY_COMPACT);
            long retention = Long.parseLong(config.get(TopicConfig.RETENTION_MS_CONFIG).value());
            return new TopicSpec(topic, partitions, compacted ? Duration.ZERO : Duration.ofMillis(retention),
                    compacted);
        } catch (Exception e) {
            throw new IllegalStateException("cannot describe " + topic + ": " + e, e);
        }
    }

    private TopicAdmin() {
    }
}
