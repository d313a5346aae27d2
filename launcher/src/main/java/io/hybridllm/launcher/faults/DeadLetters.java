package io.hybridllm.launcher.faults;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;

import io.hybridllm.contracts.Topics;

/** What the dead-letter topics hold, read whole after the run: each record's key, reason and when it was written. */
final class DeadLetters {

    record Letter(String key, String reason, Instant at) {
    }

    private DeadLetters() {
    }

    /** Every record of the dead-letter topic of each topic given. */
    static Map<String, List<Letter>> read(Map<String, Object> client, List<String> topics) {
        Properties props = new Properties();
        props.putAll(client);
        props.put("max.partition.fetch.bytes", String.valueOf(4 * 1024 * 1024));
        Map<String, List<Letter>> letters = new LinkedHashMap<>();
        try (var consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            for (String topic : topics) {
                String dlq = Topics.dlqOf(topic);
                List<TopicPartition> partitions = consumer.partitionsFor(dlq).stream()
                        .map(p -> new TopicPartition(dlq, p.partition())).toList();
                consumer.assign(partitions);
                consumer.seekToBeginning(partitions);
                Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
                List<Letter> read = new ArrayList<>();
                Instant deadline = Instant.now().plusSeconds(60);
                while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))
                        && Instant.now().isBefore(deadline)) {
                    for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                        Header reason = record.headers().lastHeader("dead-letter-reason");
                        read.add(new Letter(record.key(),
                                reason == null ? null : new String(reason.value(), StandardCharsets.UTF_8),
                                Instant.ofEpochMilli(record.timestamp())));
                    }
                }
                letters.put(dlq, read);
            }
        }
        return letters;
    }
}
