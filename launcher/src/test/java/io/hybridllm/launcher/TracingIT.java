package io.hybridllm.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.hybridllm.contracts.ChatMessage;
import io.hybridllm.contracts.LlmRequest;
import io.hybridllm.contracts.ReplyTopics;
import io.hybridllm.contracts.TaskType;
import io.hybridllm.contracts.Topics;
import io.hybridllm.contracts.json.Json;
import io.hybridllm.launcher.system.LocalSystem;
import io.hybridllm.launcher.system.Service;

/**
 * One request followed from submit to reply: the trace a client starts (W3C {@code traceparent}) goes through ingest,
 * the router, a worker and the cost service, over HTTP and every Kafka hop, and each of them exports its spans of it.
 */
class TracingIT {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static LocalSystem system;
    private static TraceCollector traces;

    @BeforeAll
    static void start() throws InterruptedException {
        system = SimulatedSystem.get();
        traces = SimulatedSystem.traces();
    }

    @Test
    void anHttpRequestIsOneTraceAcrossEveryService() throws Exception {
        String traceId = randomHex(16);
        HttpResponse<String> submitted = HTTP.send(HttpRequest
                .newBuilder(URI.create(system.url(Service.INGEST) + "/v1/requests"))
                .header("Content-Type", "application/json").header("traceparent", traceparent(traceId))
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"tenant\":\"trace\",\"messages\":[{\"role\":\"user\",\"content\":\"Name a colour.\"}]}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(202);
        String id = Json.mapper().readTree(submitted.body()).path("id").asText();

        JsonNode result = await().atMost(WAIT).until(
                () -> Json.mapper()
                        .readTree(HTTP.send(HttpRequest
                                .newBuilder(URI.create(system.url(Service.INGEST) + "/v1/requests/" + id + "?wait=10s"))
                                .build(), HttpResponse.BodyHandlers.ofString()).body()),
                view -> Set.of("succeeded", "failed").contains(view.path("status").asText()));
        assertThat(result.path("status").asText()).isEqualTo("succeeded");

        for (String service : List.of("ingest-service", "router-service", "worker-local", "cost-service")) {
            await(service + " exported a span of trace " + traceId).atMost(WAIT)
                    .until(() -> traces.exported(service, traceId));
        }
    }

    @Test
    void aJobsKafkaRequestGetsItsReplyInTheSameTrace() throws Exception {
        String traceId = randomHex(16);
        String replyTopic = ReplyTopics.withDefaultPrefix().prefixFor("trace") + UUID.randomUUID();
        String id = "trace-" + UUID.randomUUID();
        LlmRequest request = new LlmRequest(0, id, "trace", null, TaskType.CHAT,
                List.of(ChatMessage.user("Name a fruit.")), null, null, replyTopic, null, null, null);
        Properties props = new Properties();
        props.putAll(system.kafkaAdminClient());
        try (var producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
            ProducerRecord<String, String> record = new ProducerRecord<>(Topics.REQUESTS, id, Json.write(request));
            record.headers().add("traceparent", traceparent(traceId).getBytes(StandardCharsets.UTF_8));
            producer.send(record).get();
        }

        props.put("group.id", "trace-" + replyTopic);
        props.put("auto.offset.reset", "earliest");
        try (var consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(replyTopic));
            ConsumerRecord<String, String> reply = await().atMost(WAIT).until(() -> {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    if (id.equals(record.key())) {
                        return record;
                    }
                }
                return null;
            }, record -> record != null);
            Header header = reply.headers().lastHeader("traceparent");
            assertThat(header).as("the reply carries the trace context").isNotNull();
            assertThat(new String(header.value(), StandardCharsets.UTF_8)).startsWith("00-" + traceId + "-");
        }
        await().atMost(WAIT).until(() -> traces.exported("worker-local", traceId));
    }

    private static String traceparent(String traceId) {
        return "00-" + traceId + "-" + randomHex(8) + "-01";
    }

    private static String randomHex(int bytes) {
        byte[] value = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(value);
        value[0] |= 1; // never all zeros, which W3C reserves as invalid
        return HexFormat.of().formatHex(value);
    }
}
