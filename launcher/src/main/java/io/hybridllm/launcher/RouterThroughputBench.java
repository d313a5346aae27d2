package io.hybridllm.launcher;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Future;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import io.hybridllm.contracts.ChatMessage;
import io.hybridllm.contracts.LlmRequest;
import io.hybridllm.contracts.TaskType;
import io.hybridllm.contracts.Tier;
import io.hybridllm.contracts.Topics;
import io.hybridllm.contracts.json.Json;
import io.hybridllm.testkit.support.FreePorts;

/**
 * How many requests one router instance routes per second from a backlog: {@code llm.requests} is filled before the
 * router starts, only the router runs, and the rate is taken from the first and last routed records' timestamps.
 */
final class RouterThroughputBench {

    private static final List<String> PROMPTS = List.of("What is 2+2?",
            "Summarise this release note: fixed a crash when the cache was empty.",
            "Refactor this method for readability and explain the trade-offs step by step: "
                    + "```java\nint f(int a,int b){return a>b?a-b:b-a;}\n```");

    static void run(Path home, int requests, PrintStream out) throws Exception {
        LaunchOptions options = LaunchOptions.defaults(home).withPorts(0, Map.of(Service.ROUTER, FreePorts.next()));
        LocalSystem system = new LocalSystem(options);
        try (system) {
            system.start(out, bootstrap -> fill(bootstrap, requests, out));
            out.println("Routing the backlog ...");
            List<Long> timestamps = routedTimestamps(system.kafkaBootstrapServers(), requests);
            long first = timestamps.stream().mapToLong(Long::longValue).min().orElseThrow();
            long last = timestamps.stream().mapToLong(Long::longValue).max().orElseThrow();
            double seconds = Math.max(1, last - first) / 1000.0;
            out.printf(Locale.ROOT, "%n%d requests routed in %.2f s: %.0f requests/s (one router, %d cores, JDK %s)%n",
                    timestamps.size(), seconds, timestamps.size() / seconds, Runtime.getRuntime().availableProcessors(),
                    System.getProperty("java.version"));
        }
    }

    private static void fill(String bootstrap, int requests, PrintStream out) {
        out.println("Filling llm.requests with " + requests + " requests ...");
        Properties props = new Properties();
        props.put("bootstrap.servers", bootstrap);
        props.put("acks", "all");
        props.put("linger.ms", "20");
        try (var producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
            List<Future<?>> sends = new ArrayList<>();
            for (int i = 0; i < requests; i++) {
                String id = "bench-" + i;
                LlmRequest request = new LlmRequest(0, id, "bench", null, TaskType.values()[i % 4],
                        List.of(ChatMessage.user(PROMPTS.get(i % PROMPTS.size()))), null, null, null, null, null, null);
                sends.add(producer.send(new ProducerRecord<>(Topics.REQUESTS, id, Json.write(request))));
            }
            for (Future<?> send : sends) {
                send.get();
            }
        } catch (Exception e) {
            throw new IllegalStateException("could not fill llm.requests: " + e, e);
        }
    }

    /** The timestamps of the routed records on the tier topics, once all of them are there. */
    private static List<Long> routedTimestamps(String bootstrap, int requests) {
        Properties props = new Properties();
        props.put("bootstrap.servers", bootstrap);
        props.put("max.poll.records", "5000");
        List<Long> timestamps = new ArrayList<>(requests);
        try (var consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (Tier tier : Tier.values()) {
                consumer.partitionsFor(tier.topic())
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
            throw new IllegalStateException("only " + timestamps.size() + " of " + requests + " were routed in time");
        }
        return timestamps;
    }

    private RouterThroughputBench() {
    }
}
