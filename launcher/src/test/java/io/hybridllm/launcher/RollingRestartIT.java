package io.hybridllm.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import io.hybridllm.contracts.Attempt;
import io.hybridllm.contracts.SchemaVersion;
import io.hybridllm.contracts.TaskType;
import io.hybridllm.contracts.Tier;
import io.hybridllm.contracts.TokenUsage;
import io.hybridllm.contracts.Topics;
import io.hybridllm.contracts.UsageEvent;
import io.hybridllm.contracts.json.Json;
import io.hybridllm.launcher.system.LocalSystem;
import io.hybridllm.launcher.system.Service;

/**
 * A rolling restart of the cost service under load: SIGTERM while thousands of usage events wait on {@code llm.usage},
 * then started again. Quarkus closes the database before the Kafka channels; what the stopping instance had read but
 * not recorded must be recorded by the next one, every event once, and none dead-lettered.
 */
class RollingRestartIT {

    private static final int EVENTS = 3_000;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void usageReadWhileTheCostServiceStopsIsRecordedByItsNextInstance() throws Exception {
        LocalSystem system = SimulatedSystem.get();
        String tenant = "rolling-" + UUID.randomUUID().toString().substring(0, 8);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerConfig(system))) {
            for (int i = 0; i < EVENTS; i++) {
                UsageEvent event = new UsageEvent(SchemaVersion.CURRENT, tenant + "-" + i, tenant + "-request-" + i,
                        tenant, null, TaskType.CHAT, Tier.CLOUD, "openai", "gpt-4o-mini", new TokenUsage(100, 20),
                        new BigDecimal("0.0001"), 20, Attempt.Outcome.SUCCEEDED, null, Instant.now(), null);
                producer.send(new ProducerRecord<>(Topics.USAGE, tenant, Json.write(event)));
            }
            producer.flush();
        }
        // The instance is reading the backlog now: stopped in the middle of it, as a rolling deploy would.
        long beforeStop = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20))
                .until(() -> calls(system, tenant), recorded -> recorded > 0);
        system.stopGracefully(Service.COST);
        system.restart(Service.COST);

        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> assertThat(calls(system, tenant)).isEqualTo(EVENTS));
        assertThat(deadLettered(system, tenant)).as("usage events of " + tenant + " in " + Topics.dlqOf(Topics.USAGE))
                .isEmpty();
        System.out.printf("rolling restart: SIGTERM when %d of %d usage events were recorded; all recorded once%n",
                beforeStop, EVENTS);
    }

    /** Calls the cost service has recorded for {@code tenant}, or -1 while it does not answer. */
    private static long calls(LocalSystem system, String tenant) {
        try {
            HttpResponse<String> response = HTTP.send(
                    HttpRequest.newBuilder(URI.create(system.url(Service.COST) + "/v1/costs/summary?tenant=" + tenant))
                            .header("Authorization", "Bearer " + SimulatedSystem.ADMIN_TOKEN).build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200
                    ? Json.mapper().readTree(response.body()).path("total").path("calls").asLong()
                    : -1;
        } catch (Exception e) {
            return -1;
        }
    }

    private static List<String> deadLettered(LocalSystem system, String tenant) {
        Map<String, Object> config = new HashMap<>(system.kafkaAdminClient());
        config.putAll(Map.of(ConsumerConfig.GROUP_ID_CONFIG, "rolling-it-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest", ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class));
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            consumer.subscribe(List.of(Topics.dlqOf(Topics.USAGE)));
            List<String> found = new ArrayList<>();
            Instant end = Instant.now().plusSeconds(10);
            while (Instant.now().isBefore(end)) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.value() != null && record.value().contains(tenant)) {
                        found.add(record.value());
                    }
                }
            }
            return found;
        }
    }

    private static Map<String, Object> producerConfig(LocalSystem system) {
        Map<String, Object> config = new HashMap<>(system.kafkaAdminClient());
        config.putAll(Map.of(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class, ProducerConfig.ACKS_CONFIG,
                "all"));
        return config;
    }
}
