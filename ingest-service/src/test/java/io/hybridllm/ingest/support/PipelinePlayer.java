package io.hybridllm.ingest.support;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import io.hybridllm.contracts.FinishReason;
import io.hybridllm.contracts.LlmReply;
import io.hybridllm.contracts.LlmRequest;
import io.hybridllm.contracts.RoutedRequest;
import io.hybridllm.contracts.RoutingDecision;
import io.hybridllm.contracts.Tier;
import io.hybridllm.contracts.TokenUsage;
import io.hybridllm.contracts.ToolCall;
import io.hybridllm.contracts.Topics;
import io.hybridllm.contracts.json.Json;
import io.hybridllm.testkit.Infrastructure;
import io.hybridllm.testkit.kafka.TopicAdmin;

/**
 * Plays router and workers for many requests at once: reads {@code llm.requests} from now on, outside any group, and
 * answers each request that {@code matches} on {@code llm.replies} (and its reply_to topic), with {@code answer} of it,
 * at 0.0001 USD.
 */
public final class PipelinePlayer implements AutoCloseable {

    public static final BigDecimal COST = new BigDecimal("0.0001");

    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicInteger answered = new AtomicInteger();
    private final Thread thread;

    /** What the played worker replies to a request. */
    @FunctionalInterface
    public interface Replier {
        LlmReply reply(LlmRequest request);
    }

    public PipelinePlayer(Predicate<LlmRequest> matches, Function<LlmRequest, String> answer) {
        this((Replier) request -> reply(request, answer.apply(request)), matches);
    }

    /** Answers with whole replies, e.g. tool calls, a finish reason other than stop, or a failure. */
    public static PipelinePlayer replying(Predicate<LlmRequest> matches, Replier replier) {
        return new PipelinePlayer(replier, matches);
    }

    private PipelinePlayer(Replier replier, Predicate<LlmRequest> matches) {
        String servers = Infrastructure.kafka().bootstrapServers();
        Properties props = new Properties();
        props.put("bootstrap.servers", servers);
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                new StringDeserializer());
        // As the router does: ingest's llm.requests, and the example tenant's own request topic (made if missing).
        TopicAdmin.createAll(servers,
                List.of(new Topics.TopicSpec(Topics.tenantRequests("acme"), 1, java.time.Duration.ofDays(1), false)));
        List<TopicPartition> partitions = java.util.stream.Stream.of(Topics.REQUESTS, Topics.tenantRequests("acme"))
                .flatMap(topic -> consumer.partitionsFor(topic).stream())
                .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
        Properties producerProps = new Properties();
        producerProps.put("bootstrap.servers", servers);
        producerProps.put("acks", "all");
        KafkaProducer<String, String> producer = new KafkaProducer<>(producerProps, new StringSerializer(),
                new StringSerializer());
        thread = Thread.ofPlatform().name("pipeline-player").start(() -> {
            try (consumer;
                    producer) {
                while (running.get()) {
                    for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(100))) {
                        LlmRequest request = Json.read(record.value(), LlmRequest.class);
                        if (matches.test(request)) {
                            String reply = Json.write(replier.reply(request));
                            // As the workers do: to llm.replies, and to the request's own reply_to topic.
                            request.replyTopics()
                                    .forEach(topic -> producer.send(new ProducerRecord<>(topic, request.id(), reply)));
                            answered.incrementAndGet();
                        }
                    }
                    producer.flush();
                }
            }
        });
    }

    private static LlmReply reply(LlmRequest request, String answer) {
        return reply(request, answer, FinishReason.STOP, null);
    }

    /** A reply as the local worker would make it, at {@link #COST}. */
    public static LlmReply reply(LlmRequest request, String answer, FinishReason finish, List<ToolCall> toolCalls) {
        RoutedRequest routed = new RoutedRequest(request, new RoutingDecision(Tier.LOCAL_FAST, List.of(Pipeline.LOCAL),
                0.1, List.of(), "played", "hybrid", "test", null));
        return LlmReply.succeeded(routed, Pipeline.LOCAL, answer, finish, toolCalls, new TokenUsage(3, 2), COST, 5,
                null, List.of());
    }

    public int answered() {
        return answered.get();
    }

    @Override
    public void close() throws InterruptedException {
        running.set(false);
        thread.join(10_000);
    }
}
