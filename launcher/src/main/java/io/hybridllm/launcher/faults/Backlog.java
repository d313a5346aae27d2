package io.hybridllm.launcher.faults;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

import io.hybridllm.contracts.Topics;

/**
 * Where the open requests of a draining run wait: the records each consumer group has not committed yet, per topic
 * (e.g. {@code llm.tier.cloud/worker-cloud 1,234} while the cloud workers are down). A stall then points at the tier,
 * or the hop, that holds it. A partition the group never committed on counts from its beginning: a pool that has not
 * been given its partitions yet shows its whole backlog.
 */
final class Backlog implements AutoCloseable {

    /** Each hop's consumer group and the topic it works off (the groups are named in each service's configuration). */
    private static final Map<String, String> GROUPS = new LinkedHashMap<>();

    static {
        GROUPS.put("ingest-requests", Topics.REQUESTS);
        GROUPS.put("router", Topics.REQUESTS);
        GROUPS.put("worker-local-fast", Topics.TIER_LOCAL_FAST);
        GROUPS.put("worker-local-quality", Topics.TIER_LOCAL_QUALITY);
        GROUPS.put("worker-cloud", Topics.TIER_CLOUD);
        GROUPS.put("ingest-replies", Topics.REPLIES);
        GROUPS.put("cost-service", Topics.USAGE);
    }

    /** The cost service's usage events not counted yet, as {@link #waiting()} names them. */
    static final String USAGE = Topics.USAGE + "/cost-service";

    private final Admin admin;

    Backlog(Map<String, Object> client) {
        Properties props = new Properties();
        props.putAll(client);
        props.put("request.timeout.ms", "5000");
        props.put("default.api.timeout.ms", "5000");
        admin = Admin.create(props);
    }

    /** The lag of every group on its topic, where it is above zero; a group that cannot be read now is left out. */
    Map<String, Long> waiting() {
        Map<String, Long> waiting = new TreeMap<>();
        GROUPS.forEach((group, topic) -> {
            try {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                        .partitionsToOffsetAndMetadata().get(5, TimeUnit.SECONDS);
                Map<TopicPartition, Long> ends = offsets(topic, OffsetSpec.latest());
                Map<TopicPartition, Long> starts = offsets(topic, OffsetSpec.earliest());
                long lag = 0;
                for (Map.Entry<TopicPartition, Long> end : ends.entrySet()) {
                    OffsetAndMetadata done = committed.get(end.getKey());
                    lag += end.getValue() - (done == null ? starts.get(end.getKey()) : done.offset());
                }
                if (lag > 0) {
                    waiting.put(topic + "/" + group, lag);
                }
            } catch (Exception e) {
                // A broker that is slow to answer (or restarting): not shown this time.
            }
        });
        return waiting;
    }

    private Map<TopicPartition, Long> offsets(String topic, OffsetSpec spec) throws Exception {
        int partitions = Topics.ALL.stream().filter(t -> t.name().equals(topic)).findFirst().orElseThrow().partitions();
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        for (int partition = 0; partition < partitions; partition++) {
            request.put(new TopicPartition(topic, partition), spec);
        }
        return admin.listOffsets(request).all().get(5, TimeUnit.SECONDS).entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
    }

    /** {@code llm.tier.cloud/worker-cloud 1,234, ...}, or "no consumer lag" when every group is caught up. */
    static String describe(Map<String, Long> waiting) {
        return waiting.isEmpty() ? "no consumer lag"
                : waiting.entrySet().stream().map(e -> String.format("%s %,d", e.getKey(), e.getValue()))
                        .collect(Collectors.joining(", "));
    }

    @Override
    public void close() {
        admin.close();
    }
}
