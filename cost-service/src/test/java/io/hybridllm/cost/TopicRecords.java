package io.hybridllm.cost;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

import io.hybridllm.contracts.json.Json;
import io.hybridllm.testkit.Infrastructure;

/**
 * Every record a topic holds now for one key, read from the beginning to the end offsets of the moment: what a consumer
 * would see, duplicates included. Outside any consumer group, so it never takes a service's records.
 */
public final class TopicRecords {

    public static <T> List<T> all(String topic, String key, Class<T> type) {
        return values(topic, key).stream().map(value -> Json.read(value, type)).toList();
    }

    public static List<String> values(String topic, String key) {
        Properties props = new Properties();
        props.put("bootstrap.servers", Infrastructure.kafka().bootstrapServers());
        List<String> values = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            Instant deadline = Instant.now().plusSeconds(30);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                if (Instant.now().isAfter(deadline)) {
                    throw new AssertionError("could not read " + topic + " to its end within 30 s");
                }
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    if (key.equals(record.key())
                            && record.offset() < end.get(new TopicPartition(record.topic(), record.partition()))) {
                        values.add(record.value());
                    }
                }
            }
        }
        return values;
    }

    private TopicRecords() {
    }
}
