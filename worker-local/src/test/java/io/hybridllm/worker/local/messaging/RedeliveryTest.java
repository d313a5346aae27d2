package io.hybridllm.worker.local.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import io.hybridllm.contracts.LlmReply;
import io.hybridllm.contracts.RoutedRequest;
import io.hybridllm.contracts.Target;
import io.hybridllm.contracts.Tier;
import io.hybridllm.contracts.Topics;
import io.hybridllm.contracts.json.Json;
import io.hybridllm.testkit.Infrastructure;
import io.hybridllm.testkit.kafka.KafkaProbe;
import io.hybridllm.testkit.kafka.Published;
import io.hybridllm.testkit.quarkus.KafkaTestResource;
import io.hybridllm.worker.local.OllamaSimulatorResource;
import io.hybridllm.worker.local.Requests;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A second worker of the local-fast pool takes a request and dies before answering (it leaves the group without
 * committing); the request is redelivered to this worker and answered, and the client sees exactly one reply.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(OllamaSimulatorResource.class)
class RedeliveryTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Test
    void aRequestTakenByAWorkerThatDiesIsAnsweredByAnotherExactlyOnce() {
        String bootstrap = Infrastructure.kafka().bootstrapServers();
        RoutedRequest routed = Requests.routed("local-redelivered-1", Tier.LOCAL_FAST,
                new Target("ollama", "llama3.2:1b"));
        try (KafkaConsumer<String, String> dying = joinThePool(bootstrap)) {
            TopicPartition partition = dying.assignment().iterator().next();
            send(bootstrap, partition, routed);
            assertThat(takeWithoutCommitting(dying, routed.id())).as("the dying worker took the request").isTrue();
        }
        LlmReply reply = Published.reply(KafkaProbe.shared(), Topics.REPLIES, routed.id());
        assertThat(reply.status()).isEqualTo(LlmReply.Status.SUCCEEDED);
        assertThatThrownBy(() -> KafkaProbe.shared().awaitAll(Topics.REPLIES,
                record -> routed.id().equals(record.key()), 2, Duration.ofSeconds(5))).as("exactly one reply")
                        .isInstanceOf(AssertionError.class).hasMessageStartingWith("1 of 2");
    }

    /** A consumer in the worker's group, once the group has given it some partitions. */
    private static KafkaConsumer<String, String> joinThePool(String bootstrap) {
        Properties props = new Properties();
        props.put("bootstrap.servers", bootstrap);
        props.put("group.id", "worker-local-fast");
        props.put("enable.auto.commit", "false");
        props.put("auto.offset.reset", "latest");
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                new StringDeserializer());
        consumer.subscribe(List.of(Topics.TIER_LOCAL_FAST));
        Instant deadline = Instant.now().plus(WAIT);
        while (consumer.assignment().isEmpty() && Instant.now().isBefore(deadline)) {
            consumer.poll(Duration.ofMillis(200));
        }
        assertThat(consumer.assignment()).as("partitions of the pool").isNotEmpty();
        // Fix where it reads from now, so that the request sent next is after that point.
        consumer.assignment().forEach(consumer::position);
        return consumer;
    }

    private static void send(String bootstrap, TopicPartition partition, RoutedRequest routed) {
        Properties props = new Properties();
        props.put("bootstrap.servers", bootstrap);
        try (var producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
            producer.send(
                    new ProducerRecord<>(partition.topic(), partition.partition(), routed.id(), Json.write(routed)))
                    .get();
        } catch (Exception e) {
            throw new AssertionError("could not send the request", e);
        }
    }

    private static boolean takeWithoutCommitting(KafkaConsumer<String, String> consumer, String id) {
        Instant deadline = Instant.now().plus(WAIT);
        while (Instant.now().isBefore(deadline)) {
            for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                if (id.equals(record.key())) {
                    return true;
                }
            }
        }
        return false;
    }
}
