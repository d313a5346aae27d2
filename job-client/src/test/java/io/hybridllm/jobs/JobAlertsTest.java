package io.hybridllm.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.hybridllm.contracts.Alert;
import io.hybridllm.contracts.SchemaVersion;
import io.hybridllm.contracts.Topics;
import io.hybridllm.contracts.json.Json;
import io.hybridllm.testkit.Infrastructure;
import io.hybridllm.testkit.kafka.KafkaProbe;
import io.hybridllm.testkit.kafka.TopicAdmin;

/**
 * A job sees its own tenant's alerts and the global ones, never another tenant's, and can pause on them. Alerts are
 * published as the cost service does: a tenant's on its own topic, those for every tenant on the shared one.
 */
class JobAlertsTest {

    private static final Map<String, Object> KAFKA = Map.of("bootstrap.servers",
            Infrastructure.kafka().bootstrapServers());

    private static void publish(Alert alert) {
        String topic = alert.tenant().equals("*") ? Topics.EVERYONE_ALERTS : Topics.tenantAlerts(alert.tenant());
        publish(topic, alert);
    }

    private static void publish(String topic, Alert alert) {
        KafkaProbe.shared().send(topic, alert.tenant(), Json.write(alert));
    }

    private static Alert.Budget budget(String tenant, Alert.Level level) {
        return new Alert.Budget(SchemaVersion.CURRENT, UUID.randomUUID().toString(), tenant, level, "day",
                BigDecimal.TEN, BigDecimal.TEN, BigDecimal.TEN, 100, Instant.now());
    }

    @Test
    void aJobSeesItsTenantsAndGlobalAlertsOnly() {
        List<Alert> seen = new CopyOnWriteArrayList<>();
        try (JobAlerts alerts = JobAlerts.open(KAFKA, "al-acme", Duration.ofMinutes(5), seen::add)) {
            publish(budget("al-acme", Alert.Level.WARN));
            JobClientTest.awaitTrue(() -> seen.size() == 1);
            publish(budget("al-globex", Alert.Level.PAUSE));
            publish(Topics.tenantAlerts("al-acme"), budget("al-globex", Alert.Level.PAUSE)); // misplaced: skipped
            publish(new Alert.ProviderOutage(SchemaVersion.CURRENT, "o-1", "*", "openai", Instant.now(), "circuit open",
                    Instant.now()));
            publish(budget("al-acme", Alert.Level.PAUSE));

            JobClientTest.awaitTrue(() -> seen.size() == 3);
            assertThat(seen).extracting(Alert::tenant).containsExactly("al-acme", "*", "al-acme");
            assertThat(seen.get(1)).isInstanceOf(Alert.ProviderOutage.class);
            assertThat(alerts.paused()).isTrue();
            publish(budget("al-acme", Alert.Level.RESUME));
            JobClientTest.awaitTrue(() -> !alerts.paused());
        }
    }

    @Test
    void aJobStartedWhileItsTenantIsPausedKnowsIt() {
        publish(budget("al-late", Alert.Level.PAUSE));
        try (JobAlerts alerts = JobAlerts.open(KAFKA, "al-late", Duration.ofMinutes(5), alert -> {
        })) {
            JobClientTest.awaitTrue(alerts::paused);
        }
    }

    @Test
    void aJobStartedBeforeItsTenantsFirstAlertSeesItOnceTheTopicIsMade() {
        String tenant = "al-new-" + UUID.randomUUID().toString().substring(0, 8);
        try (JobAlerts alerts = JobAlerts.open(KAFKA, tenant, Duration.ofMinutes(5), alert -> {
        })) {
            publish(budget(tenant, Alert.Level.PAUSE));
            JobClientTest.awaitTrue(alerts::paused);
        }
    }

    @Test
    void submissionsWaitWhileTheTenantIsPausedAndGoOnWhenResumed() throws Exception {
        TopicAdmin.createAll(Infrastructure.kafka().bootstrapServers(),
                List.of(new Topics.TopicSpec(Topics.tenantRequests("al-paused"), 1, Duration.ofDays(1), false)));
        JobClientConfig config = JobClientConfig.builder(Infrastructure.kafka().bootstrapServers(), "al-paused", "j")
                .build();
        publish(budget("al-paused", Alert.Level.PAUSE));
        try (var system = new FakeSystem(KAFKA, config.requestTopic(), 1, 10);
                var alerts = JobAlerts.open(KAFKA, "al-paused", Duration.ofMinutes(5), alert -> {
                });
                var client = JobClient.open(config).pauseWith(alerts)) {
            JobClientTest.awaitTrue(alerts::paused);
            var submitted = CompletableFuture.supplyAsync(() -> client.submit(Requests.of("al-paused", "p-1")).join());

            Thread.sleep(1000);
            assertThat(submitted).isNotDone();
            assertThat(system.received()).isEmpty();
            publish(budget("al-paused", Alert.Level.RESUME));
            assertThat(submitted.get(60, TimeUnit.SECONDS).answer()).isEqualTo("answer 1 to p-1");
        }
    }
}
