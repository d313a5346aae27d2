package io.hybridllm.testkit.kafka;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import io.hybridllm.contracts.json.Json;
import io.hybridllm.testkit.Infrastructure;

/** Produces to and reads from topics in tests, outside any consumer group, so it never steals a service's records. */
public final class KafkaProbe implements AutoCloseable {

    private static KafkaProbe shared;

    private final String bootstrapServers;
    private final KafkaProducer<String, String> producer;

    /** The probe of this test JVM's broker, closed with the infrastructure after the last test. */
    public static synchronized KafkaProbe shared() {
        if (shared == null) {
            shared = new KafkaProbe(Infrastructure.kafka().bootstrapServers());
            Infrastructure.closeAtEnd(shared);
        }
        return shared;
    }

    public KafkaProbe(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
        Properties props = new Properties();
        props.put("bootstrap.servers", bootstrapServers);
        props.put("acks", "all");
        producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
    }

    /** Sends and waits for the broker's acknowledgement; a null value is a tombstone. */
    public void send(String topic, String key, String value) {
        sendTogether(topic, Collections.singletonMap(key, value));
    }

    /**
     * Sends the records (key to value, in the map's order) in one go and then waits for every acknowledgement, so that
     * a consumer is likely to read them in one poll.
     */
    public void sendTogether(String topic, Map<String, String> records) {
        try {
            List<Future<RecordMetadata>> sent = new ArrayList<>();
            records.forEach((key, value) -> sent.add(producer.send(new ProducerRecord<>(topic, key, value))));
            producer.flush();
            for (Future<RecordMetadata> ack : sent) {
                ack.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot send to " + topic, e.getCause());
        }
    }

    /** The first record of {@code topic}, from its beginning, that matches; fails after {@code timeout}. */
    public ConsumerRecord<String, String> await(String topic, Predicate<ConsumerRecord<String, String>> match,
            Duration timeout) {
        return awaitAll(topic, match, 1, timeout).getFirst();
    }

    /**
     * The first {@code count} records of {@code topic}, from its beginning, that match; fails after {@code timeout}.
     */
    public List<ConsumerRecord<String, String>> awaitAll(String topic, Predicate<ConsumerRecord<String, String>> match,
            int count, Duration timeout) {
        Properties props = new Properties();
        props.put("bootstrap.servers", bootstrapServers);
        List<ConsumerRecord<String, String>> found = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Instant deadline = Instant.now().plus(timeout);
            while (Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    if (match.test(record)) {
                        found.add(record);
                        if (found.size() == count) {
                            return found;
                        }
                    }
                }
            }
        }
        throw new AssertionError(
                found.size() + " of " + count + " matching records on " + topic + " within " + timeout);
    }

    /** The message of the first record of {@code topic} with this key, read as {@code type}. */
    public <T> T awaitMessage(String topic, String key, Class<T> type, Duration timeout) {
        return Json.read(awaitKey(topic, key, timeout).value(), type);
    }

    /** The first record of {@code topic} with this key. */
    public ConsumerRecord<String, String> awaitKey(String topic, String key, Duration timeout) {
        return await(topic, record -> key.equals(record.key()), timeout);
    }

    public static Optional<String> header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? Optional.empty() : Optional.of(new String(header.value(), StandardCharsets.UTF_8));
    }

    public static Map<String, String> headers(ConsumerRecord<String, String> record) {
        Map<String, String> all = new LinkedHashMap<>();
        record.headers().forEach(h -> all.put(h.key(), new String(h.value(), StandardCharsets.UTF_8)));
        return all;
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
