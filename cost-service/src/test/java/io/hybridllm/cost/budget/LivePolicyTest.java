package io.hybridllm.cost.budget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.hybridllm.contracts.Alert;
import io.hybridllm.contracts.ControlEvent;
import io.hybridllm.contracts.SchemaVersion;
import io.hybridllm.contracts.json.Json;
import io.hybridllm.cost.Calls;
import io.hybridllm.cost.usage.UsageRepository;
import io.hybridllm.policy.PolicyLoader;
import io.hybridllm.testkit.kafka.KafkaProbe;
import io.hybridllm.testkit.quarkus.KafkaTestResource;
import io.hybridllm.testkit.quarkus.PostgresTestResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Policies published on {@code llm.control}, as the router publishes them, change budgets and switching rules without a
 * restart, and each crossing they cause is announced once. The clock stands on a day no other test spends on, and the
 * publication is withdrawn afterwards, so the other tests of the JVM keep the file policy.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "cost"))
class LivePolicyTest {

    private static final KafkaProbe kafka = KafkaProbe.shared();
    /** Noon in Tokyo on 15 July 2033. */
    private static final Instant DAY = Instant.parse("2033-07-15T03:00:00Z");
    private static final String FILE_POLICY = "[cost]\nmonthly_budget_usd = 1000000.0\n";

    @Inject
    DataSource dataSource;

    @Inject
    UsageRepository usage;

    @BeforeEach
    void installClock() {
        QuarkusMock.installMockForType(new MovableClock(DAY), Clock.class);
    }

    @AfterEach
    void withdraw() {
        publish(null);
    }

    @Test
    void aPublishedPolicyMovesTheGlobalBudgetsAndRulesOnceEach() {
        // $0.85 spent today, under no daily budget yet.
        Calls spend = Calls.of(Calls.uniqueTenant("live"), "openai", "gpt-4o").tokens(340_000, 0).at(DAY).sendTo(kafka);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> QuarkusTransaction.requiringNew().call(() -> usage.findById(spend.eventId())) != null);

        // A global daily budget of $1.00: 85% warns, and the 80% rule switches to ollama-heavy. Published twice, as
        // after a redelivery: the second changes nothing.
        String dollar = FILE_POLICY + "daily_budget_usd = 1.0\n";
        publish(dollar);
        publish(dollar);
        awaitAlerts(1);
        // Lowered to $0.80: 106%, the pause, and the 95% rule.
        publish(FILE_POLICY + "daily_budget_usd = 0.8\n");
        awaitAlerts(2);
        // Switching off: the budget stays paused, but no rule names a mode any more, so the mode is withdrawn and the
        // pause stays.
        publish(FILE_POLICY + "daily_budget_usd = 0.8\n[dynamic_switching]\nenabled = false\n");
        await().atMost(Duration.ofSeconds(30)).until(() -> globalSwitches().size() == 3);
        // Withdrawn: back to the file policy, which has no daily budget: the budget's resume, and the pause lifted.
        publish(null);
        awaitAlerts(3);
        await().atMost(Duration.ofSeconds(30)).until(() -> globalSwitches().size() == 4);
        Budgets.awaitOutboxSent(dataSource);

        List<Alert.Budget> alerts = todaysGlobalAlerts();
        assertThat(alerts).extracting(Alert.Budget::level).containsExactly(Alert.Level.WARN, Alert.Level.PAUSE,
                Alert.Level.RESUME);
        assertThat(alerts.get(0).budgetUsd()).isEqualByComparingTo("1.00");
        assertThat(alerts.get(0).spendUsd()).isEqualByComparingTo("0.85");
        assertThat(alerts.get(1).budgetUsd()).isEqualByComparingTo("0.80");
        assertThat(alerts.get(1).percent()).isEqualTo(106);
        assertThat(alerts.get(2).budgetUsd()).as("the budget is gone").isNull();
        List<ControlEvent.ModeSwitch> switches = globalSwitches();
        assertThat(switches).extracting(ControlEvent.ModeSwitch::mode).containsExactly("ollama-heavy", "ollama-only",
                null, null);
        assertThat(switches).extracting(ControlEvent.ModeSwitch::paused).containsExactly(false, true, true, false);
        assertThat(switches.get(0).reason()).isEqualTo("daily budget at 85% (0.85 of 1.00 USD)");
    }

    /** Publishes a policy as the router's PUT /v1/policy does, or withdraws the publication ({@code toml} null). */
    private static void publish(String toml) {
        String version = toml == null ? "withdrawn" : PolicyLoader.fromText(toml, "test").policy().version();
        ControlEvent.PolicyChange change = new ControlEvent.PolicyChange(SchemaVersion.CURRENT,
                UUID.randomUUID().toString(), "policy", version, null, toml, "LivePolicyTest", List.of(), DAY);
        kafka.send(change.topic(), change.scope(), Json.write(change));
    }

    private static List<Alert.Budget> todaysGlobalAlerts() {
        return Budgets.alerts(Scope.ALL_TENANTS).stream().filter(alert -> alert.period().equals("2033-07-15")).toList();
    }

    private void awaitAlerts(int count) {
        Budgets.awaitOutboxSent(dataSource);
        await().atMost(Duration.ofSeconds(30)).until(() -> todaysGlobalAlerts().size() >= count);
    }

    private static List<ControlEvent.ModeSwitch> globalSwitches() {
        return Budgets.switches("global").stream().filter(s -> s.at().equals(DAY)).toList();
    }
}
