package io.hybridllm.cost.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.hybridllm.contracts.Alert;
import io.hybridllm.contracts.ControlEvent;
import io.hybridllm.contracts.ControlEvent.CircuitState;
import io.hybridllm.contracts.SchemaVersion;
import io.hybridllm.contracts.Tier;
import io.hybridllm.contracts.Topics;
import io.hybridllm.contracts.json.Json;
import io.hybridllm.cost.CostProcess;
import io.hybridllm.cost.TopicRecords;
import io.hybridllm.cost.budget.Scope;
import io.hybridllm.testkit.Infrastructure;
import io.hybridllm.testkit.kafka.KafkaProbe;
import io.hybridllm.testkit.postgres.PostgresServer;

/**
 * The real service process, killed and started again on one database: each start reads the whole compacted
 * {@code llm.control} again, its provider reports included, and sends no alert a former process sent.
 */
class ProviderOutageRestartIT {

    private static final String DATABASE = "cost_outage_restart";
    private static final KafkaProbe kafka = KafkaProbe.shared();

    @Test
    void anOutageAndItsRecoveryAreAlertedOnceAcrossRestarts() throws Exception {
        String provider = "restart-" + UUID.randomUUID().toString().substring(0, 8);
        String worker = "worker-" + provider;
        // PostgreSQL keeps microseconds: so does the outage's since.
        Instant opened = Instant.now().truncatedTo(ChronoUnit.MICROS);

        try (CostProcess first = CostProcess.start(DATABASE, "outage-restart-1", Map.of())) {
            send(report(provider, worker, CircuitState.OPEN, opened));
            await().atMost(Duration.ofSeconds(30)).until(() -> alerts(provider).size() == 1);
            first.kill();
        }

        try (CostProcess second = CostProcess.start(DATABASE, "outage-restart-2", Map.of())) {
            awaitProcessed();
            awaitOutboxSent();
            assertThat(alerts(provider)).hasSize(1);
            send(report(provider, worker, CircuitState.CLOSED, Instant.now()));
            await().atMost(Duration.ofSeconds(30)).until(() -> alerts(provider).size() == 2);
            second.kill();
        }

        try (CostProcess third = CostProcess.start(DATABASE, "outage-restart-3", Map.of())) {
            awaitProcessed();
            awaitOutboxSent();
            List<Alert> alerts = alerts(provider);
            assertThat(alerts).hasSize(2);
            assertThat(alerts.get(0)).isInstanceOfSatisfying(Alert.ProviderOutage.class,
                    outage -> assertThat(outage.since()).isEqualTo(opened));
            assertThat(alerts.get(1)).isInstanceOfSatisfying(Alert.ProviderRecovered.class,
                    recovered -> assertThat(recovered.since()).isEqualTo(opened));
        }
    }

    private static ControlEvent.ProviderHealth report(String provider, String worker, CircuitState state, Instant at) {
        return new ControlEvent.ProviderHealth(SchemaVersion.CURRENT, UUID.randomUUID().toString(),
                "provider:" + provider + "@" + worker, provider, state, worker + ": circuit " + state, at);
    }

    private static void send(ControlEvent event) {
        kafka.send(event.topic(), event.scope(), Json.write(event));
    }

    /** A heartbeat of a worker of its own, once recorded, says every event before it on the topic was read. */
    private static void awaitProcessed() {
        String probe = "probe-" + UUID.randomUUID();
        send(new ControlEvent.TierHealth(SchemaVersion.CURRENT, UUID.randomUUID().toString(), "tier:cloud@" + probe,
                Tier.CLOUD, true, probe, Instant.now()));
        await().atMost(Duration.ofSeconds(60))
                .until(() -> count("select count(*) from control_worker where worker = ?", probe) == 1);
    }

    private static void awaitOutboxSent() {
        await().atMost(Duration.ofSeconds(30))
                .until(() -> count("select count(*) from outbox where sent_at is null", null) == 0);
    }

    private static List<Alert> alerts(String provider) {
        return TopicRecords.all(Topics.ALERTS, Scope.ALL_TENANTS, Alert.class).stream().filter(alert -> switch (alert) {
            case Alert.ProviderOutage outage -> outage.provider().equals(provider);
            case Alert.ProviderRecovered recovered -> recovered.provider().equals(provider);
            case Alert.Budget budget -> false;
        }).toList();
    }

    private static long count(String sql, String parameter) throws SQLException {
        PostgresServer postgres = Infrastructure.postgres();
        try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl(DATABASE), postgres.username(),
                postgres.password());
                PreparedStatement statement = connection.prepareStatement(sql)) {
            if (parameter != null) {
                statement.setString(1, parameter);
            }
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }
}
