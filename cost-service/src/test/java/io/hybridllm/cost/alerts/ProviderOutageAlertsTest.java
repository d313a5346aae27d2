package io.hybridllm.cost.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.hybridllm.contracts.Alert;
import io.hybridllm.contracts.ControlEvent;
import io.hybridllm.contracts.ControlEvent.CircuitState;
import io.hybridllm.contracts.SchemaVersion;
import io.hybridllm.contracts.Tier;
import io.hybridllm.contracts.Topics;
import io.hybridllm.contracts.json.Json;
import io.hybridllm.cost.TopicRecords;
import io.hybridllm.cost.budget.Budgets;
import io.hybridllm.cost.budget.MovableClock;
import io.hybridllm.cost.budget.Scope;
import io.hybridllm.testkit.kafka.KafkaProbe;
import io.hybridllm.testkit.quarkus.KafkaTestResource;
import io.hybridllm.testkit.quarkus.PostgresTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Workers' provider reports on the real {@code llm.control} become one outage and one recovery alert on the real
 * {@code llm.alerts}, however many workers report and however often the reports are read again. Each test has a
 * provider of its own, and the clock stands in 2031, so that no other test's reports or alerts are in the way.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "cost"))
class ProviderOutageAlertsTest {

    private static final KafkaProbe kafka = KafkaProbe.shared();
    private static final Instant T = Instant.parse("2031-03-03T10:00:00Z");

    @Inject
    DataSource dataSource;

    @Inject
    ProviderOutages outages;

    private final MovableClock clock = new MovableClock(T);

    @BeforeEach
    void installClock() {
        QuarkusMock.installMockForType(clock, Clock.class);
    }

    @Test
    void twoWorkersOutAreOneOutageBothClosedOneRecoveryAndReadingAgainSendsNothing() {
        String provider = unique("anthropic");
        List<ControlEvent.ProviderHealth> reports = List.of(report(provider, "w1", CircuitState.OPEN, T),
                report(provider, "w2", CircuitState.OPEN, T.plusSeconds(5)),
                report(provider, "w1", CircuitState.CLOSED, T.plusSeconds(60)),
                report(provider, "w2", CircuitState.CLOSED, T.plusSeconds(90)));

        send(reports.get(0), reports.get(1));
        Alert.ProviderOutage outage = (Alert.ProviderOutage) awaitAlerts(provider, 1).getFirst();
        assertThat(outage.since()).isEqualTo(T);
        assertThat(outage.tenant()).isEqualTo(Scope.ALL_TENANTS);
        // Decided on the first report: the second worker's adds nothing.
        assertThat(outage.detail()).isEqualTo("open at " + T + ": w1: 3 provider-side failures in a row");

        // One worker closed, the other still open: the provider is still out.
        clock.set(T.plusSeconds(60));
        send(reports.get(2));
        awaitProcessed();
        Budgets.awaitOutboxSent(dataSource);
        assertThat(alerts(provider)).hasSize(1);

        // Within stale-after (90 s) of w2's last word, so that it is its closing, not its silence, that ends it.
        clock.set(T.plusSeconds(90));
        send(reports.get(3));
        List<Alert> alerts = awaitAlerts(provider, 2);
        assertThat(alerts.get(1)).isInstanceOfSatisfying(Alert.ProviderRecovered.class, recovered -> {
            assertThat(recovered.since()).isEqualTo(T);
            assertThat(recovered.durationSeconds()).isEqualTo(90);
            assertThat(recovered.detail()).isEqualTo("every worker reports it closed");
        });

        // A restarted service reads the compacted topic from its start: the same reports again, in order, change
        // nothing, and neither do older ones arriving late.
        send(reports.toArray(ControlEvent.ProviderHealth[]::new));
        send(reports.get(1), reports.get(0));
        awaitProcessed();
        Budgets.awaitOutboxSent(dataSource);
        assertThat(alerts(provider)).extracting(Alert::id).containsExactly(outage.id(), alerts.get(1).id());
        assertThat(alerts(Topics.EVERYONE_ALERTS, provider)).as("every tenant's principal may read these")
                .containsExactlyElementsOf(alerts(provider));
    }

    @Test
    void aWorkerHeardFromKeepsItsReportAndASilentOneLetsTheOutageEnd() {
        // A day after the other test, so that its workers are not this one's.
        Instant t = T.plus(Duration.ofDays(1));
        clock.set(t);
        String provider = unique("ollama");
        send(report(provider, "w3", CircuitState.OPEN, t));
        Alert.ProviderOutage outage = (Alert.ProviderOutage) awaitAlerts(provider, 1).getFirst();
        assertThat(outage.since()).isEqualTo(t);

        // Its report is two minutes old, but the worker's tier health a minute ago says it is alive: still out.
        clock.set(t.plusSeconds(60));
        send(heartbeat("w3", t.plusSeconds(60)));
        awaitProcessed();
        clock.set(t.plusSeconds(120));
        outages.review();
        Budgets.awaitOutboxSent(dataSource);
        assertThat(alerts(provider)).hasSize(1);

        // Silent for longer than stale-after (90 s): its word no longer holds the provider out.
        clock.set(t.plusSeconds(151));
        outages.review();
        Alert.ProviderRecovered recovered = (Alert.ProviderRecovered) awaitAlerts(provider, 2).get(1);
        assertThat(recovered.since()).isEqualTo(t);
        assertThat(recovered.durationSeconds()).isEqualTo(151);
        assertThat(recovered.detail()).contains("not heard from in the last 90 s");

        // The worker is heard from again: its old report (forgotten with it, or older than the recovery) is over.
        send(heartbeat("w3", t.plusSeconds(160)));
        clock.set(t.plusSeconds(160));
        awaitProcessed();
        outages.review();
        Budgets.awaitOutboxSent(dataSource);
        assertThat(alerts(provider)).hasSize(2);
    }

    private static ControlEvent.ProviderHealth report(String provider, String worker, CircuitState state, Instant at) {
        String detail = worker + ": "
                + (state == CircuitState.OPEN ? "3 provider-side failures in a row" : "the probe call succeeded");
        return new ControlEvent.ProviderHealth(SchemaVersion.CURRENT, UUID.randomUUID().toString(),
                "provider:" + provider + "@" + worker, provider, state, detail, at);
    }

    private static ControlEvent.TierHealth heartbeat(String worker, Instant at) {
        return new ControlEvent.TierHealth(SchemaVersion.CURRENT, UUID.randomUUID().toString(), "tier:cloud@" + worker,
                Tier.CLOUD, true, worker + ": 1 of 1 backends healthy", at);
    }

    private static void send(ControlEvent... events) {
        for (ControlEvent event : events) {
            kafka.send(event.topic(), event.scope(), Json.write(event));
        }
    }

    /**
     * Sends a heartbeat of a worker of its own and waits until it is recorded: the topic has one partition, read in
     * order, so every event sent before it has been handled.
     */
    private void awaitProcessed() {
        String worker = "probe-" + UUID.randomUUID();
        send(heartbeat(worker, clock.instant()));
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            try (var connection = dataSource.getConnection();
                    var statement = connection.prepareStatement("select 1 from control_worker where worker = ?")) {
                statement.setString(1, worker);
                return statement.executeQuery().next();
            }
        });
    }

    private List<Alert> awaitAlerts(String provider, int count) {
        Budgets.awaitOutboxSent(dataSource);
        return await().atMost(Duration.ofSeconds(30)).until(() -> alerts(provider), alerts -> alerts.size() >= count);
    }

    private static List<Alert> alerts(String provider) {
        return alerts(Topics.ALERTS, provider);
    }

    private static List<Alert> alerts(String topic, String provider) {
        return TopicRecords.all(topic, Scope.ALL_TENANTS, Alert.class).stream().filter(alert -> switch (alert) {
            case Alert.ProviderOutage outage -> outage.provider().equals(provider);
            case Alert.ProviderRecovered recovered -> recovered.provider().equals(provider);
            case Alert.Budget budget -> false;
        }).toList();
    }

    private static String unique(String kind) {
        return kind + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
