package io.hybridllm.jobs;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import io.hybridllm.contracts.LlmReply;
import io.hybridllm.contracts.LlmRequest;
import io.hybridllm.contracts.SchemaVersion;
import io.hybridllm.contracts.Tier;
import io.hybridllm.contracts.TokenUsage;
import io.hybridllm.contracts.json.Json;

/**
 * Stands in for router and workers on a real broker: reads a request topic and answers each request on its reply_to
 * topic ({@code copies} times, as a redelivering worker would), counting how many were awaiting an answer at once.
 */
final class FakeSystem implements AutoCloseable {

    private final KafkaConsumer<String, String> consumer;
    private final KafkaProducer<String, String> producer;
    private final int copies;
    private final Map<String, Integer> received = new ConcurrentHashMap<>();
    private final AtomicInteger unanswered = new AtomicInteger();
    private final AtomicInteger peakUnanswered = new AtomicInteger();
    private final Thread thread;
    private volatile boolean running = true;

    /** Answers each request {@code copies} times, after holding up to {@code batch} requests unanswered. */
    FakeSystem(Map<String, Object> kafka, String requestTopic, int copies, int batch) {
        Map<String, Object> consumerProps = new HashMap<>(kafka);
        consumerProps.put("group.id", "fake-system-" + requestTopic);
        consumerProps.put("auto.offset.reset", "earliest");
        consumerProps.put("max.poll.records", String.valueOf(batch));
        this.consumer = new KafkaConsumer<>(consumerProps, new StringDeserializer(), new StringDeserializer());
        this.producer = new KafkaProducer<>(kafka, new StringSerializer(), new StringSerializer());
        this.copies = copies;
        consumer.subscribe(List.of(requestTopic));
        this.thread = Thread.ofPlatform().daemon().start(this::run);
    }

    private void run() {
        try {
            while (running) {
                var records = consumer.poll(Duration.ofMillis(100));
                for (ConsumerRecord<String, String> record : records) {
                    received.merge(record.key(), 1, Integer::sum);
                    peakUnanswered.accumulateAndGet(unanswered.incrementAndGet(), Math::max);
                }
                for (ConsumerRecord<String, String> record : records) {
                    answer(Json.read(record.value(), LlmRequest.class));
                    unanswered.decrementAndGet();
                }
                producer.flush();
            }
        } catch (WakeupException closing) {
            // stopping
        } finally {
            consumer.close();
        }
    }

    private void answer(LlmRequest request) {
        for (int copy = 1; copy <= copies; copy++) {
            LlmReply reply = new LlmReply(SchemaVersion.CURRENT, request.id(), request.tenant(), request.jobId(),
                    LlmReply.Status.SUCCEEDED, "answer " + copy + " to " + request.id(), null, Tier.LOCAL_FAST,
                    "ollama", "llama3.2:1b", TokenUsage.NONE, BigDecimal.ZERO, 1, null, null, null, Instant.now());
            producer.send(new ProducerRecord<>(request.replyTo(), request.id(), Json.write(reply)));
        }
    }

    /** How many times each request id arrived. */
    Map<String, Integer> received() {
        return received;
    }

    int peakUnanswered() {
        return peakUnanswered.get();
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        try {
            thread.join(Duration.ofSeconds(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        producer.close();
    }
}
