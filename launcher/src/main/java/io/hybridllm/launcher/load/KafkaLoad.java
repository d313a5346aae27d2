package io.hybridllm.launcher.load;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import io.hybridllm.contracts.ChatMessage;
import io.hybridllm.contracts.LlmReply;
import io.hybridllm.contracts.LlmRequest;
import io.hybridllm.contracts.ReplyTopics;
import io.hybridllm.contracts.TaskType;
import io.hybridllm.contracts.Topics;
import io.hybridllm.contracts.json.Json;

/**
 * The job path at a fixed rate: requests produced straight to {@code llm.requests} with a {@code reply_to} topic of the
 * run's own, replies read from it. Each request's latency counts from when it was due to be sent, not from when it was
 * sent, so a stall in the generator or the system shows up in full (no coordinated omission). The latency the system
 * adds is the total minus the model's own time, which the reply reports.
 */
final class KafkaLoad implements LoadPath {

    private final Map<String, Object> client;
    private final String replyTopic = ReplyTopics.withDefaultPrefix().prefixFor("bench") + UUID.randomUUID();

    KafkaLoad(Map<String, Object> client) {
        this.client = client;
    }

    @Override
    public String name() {
        return "Kafka path (llm.requests, replies on reply_to)";
    }

    @Override
    public Step run(int rate, Duration length) throws InterruptedException {
        int count = (int) (rate * length.toSeconds());
        long period = 1_000_000_000L / rate;
        Map<String, Long> due = new ConcurrentHashMap<>();
        Histogram added = Step.histogram();
        Histogram total = Step.histogram();
        AtomicLong answered = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        String run = UUID.randomUUID().toString().substring(0, 8);
        Thread reader = Thread.ofPlatform().name("load-replies")
                .start(() -> read(due, added, total, answered, failed, count));
        Properties props = new Properties();
        props.putAll(client);
        props.put("acks", "all");
        props.put("linger.ms", "1");
        long start = System.nanoTime() + 100_000_000L;
        try (var producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
            for (int i = 0; i < count; i++) {
                long when = start + i * period;
                long wait = when - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
                String id = "load-" + run + "-" + i;
                due.put(id, when);
                LlmRequest request = new LlmRequest(0, id, "bench", null, TaskType.CHAT,
                        List.of(ChatMessage.user("What is 2+2? (" + i + ")")), null, null, replyTopic, null, null,
                        null);
                producer.send(new ProducerRecord<>(Topics.REQUESTS, id, Json.write(request)));
            }
        }
        reader.join(Duration.ofMinutes(2));
        reader.interrupt();
        double seconds = (System.nanoTime() - start) / 1e9;
        Map<String, Integer> failures = failed.get() == 0 ? Map.of() : Map.of("failed replies", (int) failed.get());
        return new Step(rate, count, (int) answered.get(), (int) failed.get(), added, total, seconds, failures);
    }

    private void read(Map<String, Long> due, Histogram added, Histogram total, AtomicLong answered, AtomicLong failed,
            int count) {
        Properties props = new Properties();
        props.putAll(client);
        props.put("group.id", "load-" + replyTopic);
        props.put("auto.offset.reset", "earliest");
        try (var consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(replyTopic));
            while (answered.get() + failed.get() < count && !Thread.currentThread().isInterrupted()) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(100))) {
                    long now = System.nanoTime();
                    Long sentAt = due.remove(record.key());
                    if (sentAt == null) {
                        continue;
                    }
                    LlmReply reply = Json.read(record.value(), LlmReply.class);
                    (reply.status() == LlmReply.Status.SUCCEEDED ? answered : failed).incrementAndGet();
                    long totalNanos = now - sentAt;
                    total.recordValue(totalNanos);
                    added.recordValue(Math.max(0, totalNanos - reply.latencyMs() * 1_000_000L));
                }
            }
        } catch (org.apache.kafka.common.errors.InterruptException e) {
            Thread.currentThread().interrupt();
        }
    }
}
