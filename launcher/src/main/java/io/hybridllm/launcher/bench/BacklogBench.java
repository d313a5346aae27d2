package io.hybridllm.launcher.bench;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import io.hybridllm.launcher.system.LaunchOptions;
import io.hybridllm.launcher.system.LocalSystem;

/**
 * Throughput from a backlog: a topic is filled before the service under test starts, then the rate is taken from the
 * broker timestamps of the first and last records it produced. Only that service runs, so the figure is its own.
 */
final class BacklogBench {

    /** What the bench measures: the topic to fill, one record per index, and the topics the outcome appears on. */
    record Backlog(String topic, IntFunction<String> record, List<String> outcomes) {
    }

    /** Runs the system as {@code options} say, with {@code backlog} filled first; returns records per second. */
    static double run(LaunchOptions options, Backlog backlog, int requests, PrintStream out) throws Exception {
        return run(options, backlog, requests, out, () -> {
        });
    }

    /** As above, with {@code sample} run every 250 ms while the backlog is worked off (e.g. to read metrics). */
    static double run(LaunchOptions options, Backlog backlog, int requests, PrintStream out, Runnable sample)
            throws Exception {
        try (LocalSystem system = new LocalSystem(options).stopOnExit();
                ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor()) {
            system.start(out, client -> fill(client, backlog, requests, out));
            out.println("Working off the backlog ...");
            sampler.scheduleWithFixedDelay(sample, 0, 250, TimeUnit.MILLISECONDS);
            List<Long> timestamps = outcomeTimestamps(system.kafkaAdminClient(), backlog.outcomes(), requests);
            sampler.shutdownNow();
            long first = timestamps.stream().mapToLong(Long::longValue).min().orElseThrow();
            long last = timestamps.stream().mapToLong(Long::longValue).max().orElseThrow();
            double seconds = Math.max(1, last - first) / 1000.0;
            double rate = timestamps.size() / seconds;
            out.printf(Locale.ROOT, "%n%d records in %.2f s: %.0f per second (%d cores, JDK %s)%n", timestamps.size(),
                    seconds, rate, Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
            return rate;
        }
    }

    private static void fill(Map<String, Object> client, Backlog backlog, int requests, PrintStream out) {
        out.println("Filling " + backlog.topic() + " with " + requests + " records ...");
        Properties props = new Properties();
        props.putAll(client);
        props.put("acks", "all");
        props.put("linger.ms", "20");
        try (var producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
            List<Future<?>> sends = new ArrayList<>();
            for (int i = 0; i < requests; i++) {
                sends.add(
                        producer.send(new ProducerRecord<>(backlog.topic(), "bench-" + i, backlog.record().apply(i))));
            }
            for (Future<?> send : sends) {
                send.get();
            }
        } catch (Exception e) {
            throw new IllegalStateException("could not fill " + backlog.topic() + ": " + e, e);
        }
    }

    /** The timestamps of the outcome records, once all of them are there. */
    private static List<Long> outcomeTimestamps(Map<String, Object> client, List<String> topics, int requests) {
        Properties props = new Properties();
        props.putAll(client);
        props.put("max.poll.records", "5000");
        List<Long> timestamps = new ArrayList<>(requests);
        try (var consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : topics) {
                consumer.partitionsFor(topic)
                        .forEach(p -> partitions.add(new TopicPartition(p.topic(), p.partition())));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Instant deadline = Instant.now().plus(Duration.ofMinutes(10));
            while (timestamps.size() < requests && Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    timestamps.add(record.timestamp());
                }
            }
        }
        if (timestamps.size() < requests) {
            throw new IllegalStateException("only " + timestamps.size() + " of " + requests + " were done in time");
        }
        return timestamps;
    }

    private BacklogBench() {
    }
}
