package io.hybridllm.launcher.dlq;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

import io.hybridllm.contracts.Topics;

/**
 * Reads topics from their beginning to where they end now, outside any consumer group (it takes no record from a
 * service): every dead-letter topic of the system, or {@value Topics#REPLIES} to learn which requests were answered.
 */
final class DeadLetters {

    /** Every dead-letter topic the system has ({@link Topics#ALL}). */
    static final List<String> TOPICS = Topics.ALL.stream().map(Topics.TopicSpec::name)
            .filter(name -> name.endsWith(Topics.DLQ_SUFFIX)).toList();

    private DeadLetters() {
    }

    /** The dead letters of {@code topics} that {@code match}, at most {@code limit} (oldest first per partition). */
    static List<DeadLetter> read(Map<String, Object> kafka, List<String> topics, Predicate<DeadLetter> match,
            int limit) {
        List<DeadLetter> found = new ArrayList<>();
        scan(kafka, topics, record -> {
            DeadLetter letter = DeadLetter.of(record);
            if (match.test(letter) && found.size() < limit) {
                found.add(letter);
            }
            return found.size() < limit;
        });
        return found;
    }

    /** The keys of the records of {@code topic} that {@code match}, in one pass over it. */
    static Set<String> keysWhere(Map<String, Object> kafka, String topic,
            Predicate<ConsumerRecord<String, String>> match) {
        Set<String> keys = new HashSet<>();
        scan(kafka, List.of(topic), record -> {
            if (match.test(record)) {
                keys.add(record.key());
            }
            return true;
        });
        return keys;
    }

    /** Calls {@code each} on every record until the topics' current ends, or until it returns false. */
    private static void scan(Map<String, Object> kafka, List<String> topics,
            Predicate<ConsumerRecord<String, String>> each) {
        Map<String, Object> props = new HashMap<>(kafka);
        props.put("enable.auto.commit", "false");
        try (var consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : topics) {
                consumer.partitionsFor(topic).forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = new HashMap<>(consumer.endOffsets(partitions));
            ends.entrySet().removeIf(end -> end.getValue() == 0);
            while (!ends.isEmpty()) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    TopicPartition partition = new TopicPartition(record.topic(), record.partition());
                    Long end = ends.get(partition);
                    if (end == null) {
                        continue;
                    }
                    if (!each.test(record)) {
                        return;
                    }
                    if (record.offset() + 1 >= end) {
                        ends.remove(partition);
                    }
                }
                // A partition whose last offsets are transaction markers or compacted away ends at its position.
                ends.entrySet().removeIf(end -> consumer.position(end.getKey()) >= end.getValue());
            }
        }
    }
}
