package io.hybridllm.launcher;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

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
 * Answers every request of a request topic on its reply_to, as router and workers would, costing $0.001 each, with the
 * answer {@code answers} gives (by default {@code answer to <id>}).
 */
public final class Answerer implements AutoCloseable {

    private final KafkaConsumer<String, String> consumer;
    private final KafkaProducer<String, String> producer;
    private final Thread thread;
    private volatile boolean running = true;

    private final Function<LlmRequest, String> answers;

    public Answerer(String bootstrapServers, String topic) {
        this(bootstrapServers, topic, request -> "answer to " + request.id());
    }

    public Answerer(String bootstrapServers, String topic, Function<LlmRequest, String> answers) {
        this.answers = answers;
        consumer = new KafkaConsumer<>(Map.of("bootstrap.servers", bootstrapServers, "group.id", "answerer-" + topic,
                "auto.offset.reset", "earliest"), new StringDeserializer(), new StringDeserializer());
        producer = new KafkaProducer<>(Map.of("bootstrap.servers", bootstrapServers), new StringSerializer(),
                new StringSerializer());
        consumer.subscribe(List.of(topic));
        thread = Thread.ofPlatform().daemon().start(this::run);
    }

    private void run() {
        try {
            while (running) {
                for (var record : consumer.poll(Duration.ofMillis(100))) {
                    LlmRequest request = Json.read(record.value(), LlmRequest.class);
                    LlmReply reply = new LlmReply(SchemaVersion.CURRENT, request.id(), request.tenant(),
                            request.jobId(), LlmReply.Status.SUCCEEDED, answers.apply(request), null, Tier.LOCAL_FAST,
                            "ollama", "llama3.2:1b", TokenUsage.NONE, new BigDecimal("0.001"), 1, null, null, null,
                            Instant.now());
                    producer.send(new ProducerRecord<>(request.replyTo(), request.id(), Json.write(reply)));
                }
            }
        } catch (WakeupException stopping) {
            // closed
        } finally {
            consumer.close();
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        consumer.wakeup();
        thread.join(10_000);
        producer.close();
    }
}
