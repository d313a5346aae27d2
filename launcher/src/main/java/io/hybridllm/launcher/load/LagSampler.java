package io.hybridllm.launcher.load;

import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/** Samples the consumer lag of each group every second and keeps the largest seen: how far each pool fell behind. */
final class LagSampler implements AutoCloseable {

    static final List<String> GROUPS = List.of("router", "worker-local-fast", "worker-local-quality", "worker-cloud",
            "cost-service", "ingest-requests", "ingest-replies");

    private final Admin admin;
    private final Map<String, Long> maxLag = new ConcurrentHashMap<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "lag-sampler");
        thread.setDaemon(true);
        return thread;
    });

    LagSampler(Map<String, Object> client) {
        Properties props = new Properties();
        props.putAll(client);
        admin = Admin.create(props);
        timer.scheduleAtFixedRate(this::sample, 1, 1, TimeUnit.SECONDS);
    }

    /** The largest lag per group since the last call, and starts over. */
    Map<String, Long> takeMax() {
        Map<String, Long> taken = Map.copyOf(maxLag);
        maxLag.clear();
        return taken;
    }

    private void sample() {
        for (String group : GROUPS) {
            try {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                        .partitionsToOffsetAndMetadata().get(5, TimeUnit.SECONDS);
                if (committed.isEmpty()) {
                    continue;
                }
                Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin
                        .listOffsets(committed.keySet().stream()
                                .collect(Collectors.toMap(partition -> partition, partition -> OffsetSpec.latest())))
                        .all().get(5, TimeUnit.SECONDS);
                long lag = committed.entrySet().stream().filter(entry -> entry.getValue() != null)
                        .mapToLong(entry -> ends.get(entry.getKey()).offset() - entry.getValue().offset()).sum();
                maxLag.merge(group, lag, Math::max);
            } catch (Exception e) {
                // A group that does not exist yet, or a slow broker: no sample this second.
            }
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
        admin.close();
    }
}
