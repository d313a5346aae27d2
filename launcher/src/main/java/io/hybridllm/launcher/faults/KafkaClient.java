package io.hybridllm.launcher.faults;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import io.hybridllm.contracts.ChatMessage;
import io.hybridllm.contracts.LlmReply;
import io.hybridllm.contracts.LlmRequest;
import io.hybridllm.contracts.Topics;
import io.hybridllm.contracts.json.Json;

/**
 * A job on the Kafka path: produces requests to {@code llm.requests} (idempotent, {@code acks=all}, so a broker restart
 * delays sends rather than losing them) and reads every reply on its own {@code reply_to} topic, keeping all of them,
 * so that a request answered twice shows.
 */
final class KafkaClient implements AutoCloseable {

    private static final int REPLY_PARTITIONS = 3;

    private final Ledger ledger;
    private final String tenant;
    private final String replyTopic;
    private final KafkaProducer<String, String> producer;
    private final Thread reader;
    private volatile boolean stopped;

    KafkaClient(Map<String, Object> client, Ledger ledger, String tenant, String replyTopic) {
        this.ledger = ledger;
        this.tenant = tenant;
        this.replyTopic = replyTopic;
        Properties props = new Properties();
        props.putAll(client);
        try (Admin admin = Admin.create(props)) {
            admin.createTopics(List.of(new NewTopic(replyTopic, REPLY_PARTITIONS, (short) 1))).all().get(30,
                    TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("cannot create the reply topic " + replyTopic + ": " + e, e);
        }
        props.put("acks", "all");
        props.put("enable.idempotence", "true");
        props.put("linger.ms", "1");
        producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
        reader = Thread.ofPlatform().name("faults-replies").start(() -> read(client));
    }

    void submit(String id, Prompts.Prompt prompt) {
        LlmRequest request = new LlmRequest(0, id, tenant, null, prompt.task(),
                List.of(ChatMessage.user(prompt.text())), null, null, replyTopic, null, null, null);
        ledger.sending(id, Ledger.Path.KAFKA);
        producer.send(new ProducerRecord<>(Topics.REQUESTS, id, Json.write(request)), (metadata, error) -> {
            if (error == null) {
                ledger.accepted(id, id);
            } else {
                ledger.outcome(id, new Ledger.Outcome("refused", error.toString()));
            }
        });
    }

    /** Waits until every send so far is acknowledged or has failed. */
    void flush() {
        producer.flush();
    }

    private void read(Map<String, Object> client) {
        Properties props = new Properties();
        props.putAll(client);
        props.put("auto.offset.reset", "earliest");
        try (var consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = IntStream.range(0, REPLY_PARTITIONS)
                    .mapToObj(p -> new TopicPartition(replyTopic, p)).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            while (!stopped) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    LlmReply reply = Json.read(record.value(), LlmReply.class);
                    String reason = reply.error() == null ? null : reply.error().code().name().toLowerCase();
                    ledger.outcome(reply.requestId(), new Ledger.Outcome(reply.status().name().toLowerCase(), reason));
                }
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        producer.close(Duration.ofSeconds(30));
        stopped = true;
        reader.join(Duration.ofSeconds(10));
    }
}
