package io.hybridllm.launcher.faults;

import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

import io.hybridllm.launcher.load.LagSampler;

/**
 * Where the open requests of a draining run wait: the records each consumer group has not committed yet, per topic
 * (e.g. {@code llm.tier.cloud/worker-cloud 1,234} while the cloud workers are down). A stall then points at the tier,
 * or the hop, that holds it.
 */
final class Backlog implements AutoCloseable {

    private final Admin admin;

    Backlog(String bootstrap) {
        Properties props = new Properties();
        props.put("bootstrap.servers", bootstrap);
        props.put("request.timeout.ms", "5000");
        props.put("default.api.timeout.ms", "5000");
        admin = Admin.create(props);
    }

    /** The lag of every group, per topic, where it is above zero; a group that cannot be read now is left out. */
    Map<String, Long> waiting() {
        Map<String, Long> waiting = new TreeMap<>();
        for (String group : LagSampler.GROUPS) {
            try {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                        .partitionsToOffsetAndMetadata().get(5, TimeUnit.SECONDS);
                Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin
                        .listOffsets(committed.keySet().stream()
                                .collect(Collectors.toMap(partition -> partition, partition -> OffsetSpec.latest())))
                        .all().get(5, TimeUnit.SECONDS);
                committed.forEach((partition, offset) -> {
                    long lag = offset == null ? 0 : ends.get(partition).offset() - offset.offset();
                    if (lag > 0) {
                        waiting.merge(partition.topic() + "/" + group, lag, Long::sum);
                    }
                });
            } catch (Exception e) {
                // A group that does not exist, or a broker that is slow to answer: not shown this time.
            }
        }
        return waiting;
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
