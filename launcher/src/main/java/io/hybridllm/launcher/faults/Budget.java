package io.hybridllm.launcher.faults;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

import com.fasterxml.jackson.databind.JsonNode;

import io.hybridllm.contracts.Topics;
import io.hybridllm.contracts.json.Json;

/**
 * The run's tenant budget: set small through the cost service's admin API, so that the run pauses it; afterwards, the
 * spend when the pause alert was decided and the spend at the end, whose difference is the overshoot.
 */
final class Budget {

    /** What the pause looked like: the spend and budget the alert names, and the spend at the end of the run. */
    record Overshoot(BigDecimal budget, BigDecimal spendAtPause, BigDecimal finalSpend) {

        BigDecimal overshoot() {
            return finalSpend.subtract(spendAtPause);
        }
    }

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final String costUrl;
    private final String adminToken;
    private final String tenant;

    Budget(String costUrl, String adminToken, String tenant) {
        this.costUrl = costUrl;
        this.adminToken = adminToken;
        this.tenant = tenant;
    }

    void set(BigDecimal amount) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(
                HttpRequest.newBuilder(URI.create(url())).header("Authorization", "Bearer " + adminToken)
                        .header("Content-Type", "application/json").header("X-Changed-By", "hybrid-faults")
                        .PUT(HttpRequest.BodyPublishers.ofString("{\"amount_usd\":" + amount.toPlainString()
                                + ",\"warn_at_percent\":50,\"pause_at_percent\":80}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException(
                    "could not set the run's budget: " + response.statusCode() + " " + response.body());
        }
    }

    /** The pause the cost service announced for the run's tenant, and the spend now; empty if it never paused. */
    Optional<Overshoot> overshoot(Map<String, Object> client) throws IOException, InterruptedException {
        Optional<JsonNode> pause = pauseAlert(client);
        if (pause.isEmpty()) {
            return Optional.empty();
        }
        JsonNode now = Json.mapper().readTree(HTTP
                .send(HttpRequest.newBuilder(URI.create(url())).header("Authorization", "Bearer " + adminToken).build(),
                        HttpResponse.BodyHandlers.ofString())
                .body());
        return Optional.of(new Overshoot(pause.get().path("budget_usd").decimalValue(),
                pause.get().path("spend_usd").decimalValue(), now.path("current").path("spend_usd").decimalValue()));
    }

    private Optional<JsonNode> pauseAlert(Map<String, Object> client) {
        Properties props = new Properties();
        props.putAll(client);
        try (var consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.ALERTS).stream()
                    .map(p -> new TopicPartition(Topics.ALERTS, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            var ends = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    JsonNode alert = Json.mapper().readTree(record.value());
                    if (tenant.equals(alert.path("tenant").asText()) && "pause".equals(alert.path("level").asText())) {
                        return Optional.of(alert);
                    }
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("unreadable alert on " + Topics.ALERTS + ": " + e.getMessage(), e);
        }
        return Optional.empty();
    }

    private String url() {
        return costUrl + "/v1/budgets/tenant:" + tenant + "/monthly";
    }
}
