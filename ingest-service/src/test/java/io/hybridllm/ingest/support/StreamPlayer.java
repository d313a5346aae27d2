package io.hybridllm.ingest.support;

import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import io.hybridllm.contracts.ErrorInfo;
import io.hybridllm.contracts.FinishReason;
import io.hybridllm.contracts.LlmReply;
import io.hybridllm.contracts.LlmRequest;
import io.hybridllm.contracts.RoutedRequest;
import io.hybridllm.contracts.RoutingDecision;
import io.hybridllm.contracts.StreamChunk;
import io.hybridllm.contracts.StreamChunk.ToolCallDelta;
import io.hybridllm.contracts.Tier;
import io.hybridllm.contracts.TokenUsage;
import io.hybridllm.contracts.ToolCall;
import io.hybridllm.contracts.Topics;
import io.hybridllm.contracts.json.Json;
import io.hybridllm.testkit.Infrastructure;

/**
 * Plays router and worker for streamed requests on the real broker: for each request on {@code llm.requests} that
 * {@code matches}, publishes its script's pieces to {@code llm.stream} as a worker would, a few milliseconds apart,
 * then its reply to {@code llm.replies}.
 */
public final class StreamPlayer implements AutoCloseable {

    /** A piece as a worker publishes it: text, or a piece of a tool call when {@code toolCall} is set. */
    public record Piece(int attempt, int sequence, String text, ToolCallDelta toolCall) {

        public Piece(int attempt, int sequence, String text) {
            this(attempt, sequence, text, null);
        }

        public Piece(int attempt, int sequence, ToolCallDelta toolCall) {
            this(attempt, sequence, "", toolCall);
        }
    }

    /**
     * What the worker streams, then how the request ends: an answer (with its tool calls, when there are any), or a
     * failure when {@code error} is set.
     */
    public record Script(List<Piece> pieces, String answer, List<ToolCall> toolCalls, ErrorInfo error) {

        public Script(List<Piece> pieces, String answer, ErrorInfo error) {
            this(pieces, answer, null, error);
        }
    }

    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Thread thread;

    public StreamPlayer(Predicate<LlmRequest> matches, Function<LlmRequest, Script> script) {
        this(matches, script, Duration.ofMillis(300));
    }

    /** The same, the first piece sent {@code connectTime} after the request is read. */
    public StreamPlayer(Predicate<LlmRequest> matches, Function<LlmRequest, Script> script, Duration connectTime) {
        String servers = Infrastructure.kafka().bootstrapServers();
        Properties props = new Properties();
        props.put("bootstrap.servers", servers);
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                new StringDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(Topics.REQUESTS).stream()
                .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
        Properties producerProps = new Properties();
        producerProps.put("bootstrap.servers", servers);
        producerProps.put("linger.ms", "0");
        KafkaProducer<String, String> producer = new KafkaProducer<>(producerProps, new StringSerializer(),
                new StringSerializer());
        thread = Thread.ofPlatform().name("stream-player").start(() -> {
            try (consumer;
                    producer) {
                while (running.get()) {
                    for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(50))) {
                        LlmRequest request = Json.read(record.value(), LlmRequest.class);
                        if (matches.test(request)) {
                            play(producer, request, script.apply(request), connectTime);
                        }
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    private static void play(KafkaProducer<String, String> producer, LlmRequest request, Script script,
            Duration connectTime) throws InterruptedException {
        // Time for a client that watches after submitting (GET /v1/requests/{id}/stream) to connect.
        Thread.sleep(connectTime.toMillis());
        for (Piece piece : script.pieces()) {
            StreamChunk chunk = piece.toolCall() == null
                    ? new StreamChunk(request.id(), piece.attempt(), piece.sequence(), Pipeline.LOCAL, piece.text())
                    : new StreamChunk(request.id(), piece.attempt(), piece.sequence(), Pipeline.LOCAL,
                            piece.toolCall());
            producer.send(new ProducerRecord<>(Topics.STREAM, request.id(), Json.write(chunk)));
            producer.flush();
            Thread.sleep(10);
        }
        RoutedRequest routed = new RoutedRequest(request, new RoutingDecision(Tier.LOCAL_FAST, List.of(Pipeline.LOCAL),
                0.1, List.of(), "played", "hybrid", "test", null));
        LlmReply reply = script.error() == null
                ? LlmReply.succeeded(routed, Pipeline.LOCAL, script.answer(),
                        script.toolCalls() == null ? FinishReason.STOP : FinishReason.TOOL_CALLS, script.toolCalls(),
                        new TokenUsage(3, 2), PipelinePlayer.COST, 5, null, List.of())
                : LlmReply.failed(routed, Pipeline.LOCAL, script.error(), 5, List.of());
        producer.send(new ProducerRecord<>(Topics.REPLIES, request.id(), Json.write(reply)));
        producer.flush();
    }

    @Override
    public void close() throws InterruptedException {
        running.set(false);
        thread.join(10_000);
    }
}
