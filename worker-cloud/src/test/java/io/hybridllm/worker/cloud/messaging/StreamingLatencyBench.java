package io.hybridllm.worker.cloud.messaging;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Properties;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

import io.hybridllm.contracts.RoutedRequest;
import io.hybridllm.contracts.Topics;
import io.hybridllm.contracts.json.Json;
import io.hybridllm.testkit.Infrastructure;
import io.hybridllm.testkit.kafka.KafkaProbe;
import io.hybridllm.testkit.quarkus.KafkaTestResource;
import io.hybridllm.testkit.simulators.OpenAiSimulator;
import io.hybridllm.worker.cloud.OpenAiSimulatorResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Time to first chunk and the added latency per chunk of the worker's half of streaming: a routed request sent to the
 * cloud tier topic until its first piece is read from llm.stream, and each piece from its record's timestamp (taken by
 * the worker's producer as it publishes) to its arrival at a consumer, the simulator writing a frame every
 * {@value #FRAME_MS} ms after a 20 ms first-byte latency. Run on demand:
 * {@code ./mvnw -pl worker-cloud -am verify -DskipITs -Dtest=StreamingLatencyBench -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(OpenAiSimulatorResource.class)
class StreamingLatencyBench {

    private static final int FRAME_MS = 20;
    private static final int REQUESTS = 30;

    @OpenAiSimulatorResource.Simulator
    OpenAiSimulator simulator;

    @Test
    void measure() {
        simulator.setFrameDelay(Duration.ofMillis(FRAME_MS));
        Properties props = new Properties();
        props.put("bootstrap.servers", Infrastructure.kafka().bootstrapServers());
        List<Long> firstChunk = new ArrayList<>();
        List<Long> perChunk = new ArrayList<>();
        List<Long> gaps = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                new StringDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : List.of(Topics.STREAM, Topics.REPLIES)) {
                consumer.partitionsFor(topic).forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
            }
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position);
            for (int i = 0; i < REQUESTS + 3; i++) {
                RoutedRequest routed = StreamingTestRequests.streamed("bench-stream-" + i + "-" + System.nanoTime());
                long sent = System.currentTimeMillis();
                KafkaProbe.shared().send(Topics.TIER_CLOUD, routed.id(), Json.write(routed));
                long first = -1;
                long previous = -1;
                boolean replied = false;
                while (!replied) {
                    for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(5))) {
                        if (!record.key().equals(routed.id())) {
                            continue;
                        }
                        long now = System.currentTimeMillis();
                        if (record.topic().equals(Topics.REPLIES)) {
                            replied = true;
                            continue;
                        }
                        if (i >= 3) {
                            // The first three warm the worker, its producer and the consumer up.
                            perChunk.add(now - record.timestamp());
                            if (first < 0) {
                                firstChunk.add(now - sent);
                            } else {
                                gaps.add(now - previous);
                            }
                        }
                        first = first < 0 ? now : first;
                        previous = now;
                    }
                }
            }
        }
        System.out.printf("STREAMING BENCH: %d requests, frames every %d ms after 20 ms latency%n", REQUESTS, FRAME_MS);
        System.out.printf("time to first chunk (send to tier topic -> first piece read) ms: %s%n", summary(firstChunk));
        System.out.printf("per chunk, worker publish -> consumer ms: %s%n", summary(perChunk));
        System.out.printf("gap between chunks at the consumer ms (provider writes every %d): %s%n", FRAME_MS,
                summary(gaps));
    }

    private static String summary(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return "n=" + sorted.size() + " p50=" + sorted.get(sorted.size() / 2) + " p95="
                + sorted.get((int) (sorted.size() * 0.95)) + " max=" + sorted.getLast();
    }
}
