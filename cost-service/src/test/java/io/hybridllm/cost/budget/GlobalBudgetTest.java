package io.hybridllm.cost.budget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.hybridllm.contracts.Alert;
import io.hybridllm.contracts.ControlEvent;
import io.hybridllm.cost.Calls;
import io.hybridllm.cost.usage.UsageRepository;
import io.hybridllm.testkit.kafka.KafkaProbe;
import io.hybridllm.testkit.quarkus.KafkaTestResource;
import io.hybridllm.testkit.quarkus.PostgresTestResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A global budget sums every tenant's spend. It is set for a day no other test spends on (the clock is moved there),
 * and removed afterwards, so that the other tests of the JVM never meet it.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "cost"))
class GlobalBudgetTest {

    private static final KafkaProbe kafka = KafkaProbe.shared();
    /** Noon in Tokyo on 29 February 2032. */
    private static final Instant LEAP_DAY = Instant.parse("2032-02-29T03:00:00Z");

    @Inject
    DataSource dataSource;

    @Inject
    UsageRepository usage;

    @BeforeEach
    void installClock() {
        QuarkusMock.installMockForType(new MovableClock(LEAP_DAY), Clock.class);
    }

    @AfterEach
    void removeTheBudget() {
        Budgets.admin().delete("/v1/budgets/global/daily");
    }

    @Test
    void everyTenantCountsAndATenantWithItsOwnSwitchIsSwitchedToo() {
        Budgets.put("global", "daily", "{\"amount_usd\": 1.00}");
        String switched = Calls.uniqueTenant("global-own");
        String plain = Calls.uniqueTenant("global-plain");
        Budgets.put("tenant:" + switched, "monthly", "{\"amount_usd\": 1.00}");
        // 0.50 each: the first tenant reaches half of its own budget and of the global one; the second, with no
        // budget of its own, takes the global one to 100%.
        for (String tenant : List.of(switched, plain)) {
            Calls spend = Calls.of(tenant, "openai", "gpt-4o").tokens(200_000, 0).at(LEAP_DAY).sendTo(kafka);
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> QuarkusTransaction.requiringNew().call(() -> usage.findById(spend.eventId())) != null);
        }
        Budgets.admin().delete("/v1/budgets/global/daily").then().statusCode(204);
        Budgets.awaitOutboxSent(dataSource);

        List<Alert.Budget> alerts = Budgets.alerts(Scope.ALL_TENANTS).stream()
                .filter(alert -> alert.period().equals("2032-02-29")).toList();
        assertThat(alerts).extracting(Alert.Budget::level).containsExactly(Alert.Level.WARN, Alert.Level.PAUSE,
                Alert.Level.RESUME);
        assertThat(alerts.get(1).spendUsd()).isEqualByComparingTo("1.00");
        assertThat(alerts.get(2).budgetUsd()).as("the budget is gone").isNull();
        List<Alert.Budget> everyones = Budgets.readersAlerts(Scope.ALL_TENANTS).stream()
                .filter(alert -> alert.period().equals("2032-02-29")).toList();
        assertThat(everyones).as("every tenant learns of the global pause, without the operator's figures")
                .extracting(Alert.Budget::id, Alert.Budget::level, Alert.Budget::percent, Alert.Budget::spendUsd)
                .containsExactly(tuple(alerts.get(0).id(), Alert.Level.WARN, alerts.get(0).percent(), null),
                        tuple(alerts.get(1).id(), Alert.Level.PAUSE, alerts.get(1).percent(), null),
                        tuple(alerts.get(2).id(), Alert.Level.RESUME, alerts.get(2).percent(), null));
        List<ControlEvent.ModeSwitch> global = Budgets.switches("global").stream().filter(s -> s.at().equals(LEAP_DAY))
                .toList();
        assertThat(global).extracting(ControlEvent.ModeSwitch::mode).containsExactly("hybrid", "ollama-only", null);
        assertThat(global.get(1).reason()).isEqualTo("daily budget at 100% (1.00 of 1.00 USD)");

        // The router takes a tenant's own switch over the global one: the global pause must reach it there.
        List<ControlEvent.ModeSwitch> own = Budgets.switches("tenant:" + switched);
        assertThat(own).extracting(ControlEvent.ModeSwitch::mode).containsExactly("hybrid", "ollama-only", "hybrid");
        assertThat(own.get(1).reason()).isEqualTo("the global budgets' rule at 95% holds for every tenant");
        assertThat(own.get(2).reason()).isEqualTo("its own budgets' rule at 50% holds");
        // A tenant without a switch of its own follows the global scope: nothing is published for it.
        assertThat(Budgets.switches("tenant:" + plain)).isEmpty();
    }
}
