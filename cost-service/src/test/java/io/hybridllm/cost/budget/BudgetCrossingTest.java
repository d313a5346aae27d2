package io.hybridllm.cost.budget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.hybridllm.contracts.Alert;
import io.hybridllm.contracts.ControlEvent;
import io.hybridllm.contracts.Topics;
import io.hybridllm.cost.Calls;
import io.hybridllm.cost.usage.UsageRepository;
import io.hybridllm.testkit.Infrastructure;
import io.hybridllm.testkit.kafka.KafkaProbe;
import io.hybridllm.testkit.kafka.TopicAdmin;
import io.hybridllm.testkit.quarkus.KafkaTestResource;
import io.hybridllm.testkit.quarkus.PostgresTestResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Usage streams through real Kafka and PostgreSQL across a tenant's budget thresholds. The policy is the built-in one:
 * warn at 80%, pause at 95%, switch at 50% to hybrid, at 80% to ollama-heavy, at 95% to ollama-only. Budgets run in
 * Asia/Tokyo (see application.properties), so a day ends at 15:00 UTC.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "cost"))
class BudgetCrossingTest {

    private static final KafkaProbe kafka = KafkaProbe.shared();
    /** 23:50 in Tokyo on 14 May 2031. */
    private static final Instant BEFORE_MIDNIGHT = Instant.parse("2031-05-14T14:50:00Z");

    @Inject
    DataSource dataSource;

    @Inject
    UsageRepository usage;

    private final MovableClock clock = new MovableClock(BEFORE_MIDNIGHT);

    @BeforeEach
    void installClock() {
        QuarkusMock.installMockForType(clock, Clock.class);
    }

    /** A gpt-4o call of {@code cents} US cents: $2.50 per 1M prompt tokens, so 4,000 tokens a cent. */
    private static Calls call(String tenant, int cents, Instant at) {
        return Calls.of(tenant, "openai", "gpt-4o").tokens(cents * 4_000, 0).at(at);
    }

    private static List<Calls> calls(String tenant, int count, int cents, Instant at) {
        List<Calls> calls = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            calls.add(call(tenant, cents, at));
        }
        return calls;
    }

    /** Sends the calls, and a free one after them on the same partition; returns once all were recorded. */
    private void sendAndAwait(List<Calls> calls) {
        calls.forEach(c -> c.sendTo(kafka));
        Calls last = Calls.of(calls.getFirst().tenant(), "ollama", "llama3.2:1b").at(calls.getFirst().at())
                .sendTo(kafka);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> QuarkusTransaction.requiringNew().call(() -> usage.findById(last.eventId())) != null);
    }

    @Test
    void eachCrossingIsAnnouncedOnceAlsoWhenUsageIsRedelivered() {
        String tenant = Calls.uniqueTenant("crossing");
        String scope = "tenant:" + tenant;
        Budgets.put(scope, "monthly", "{\"amount_usd\": 1.00}");

        List<Calls> calls = calls(tenant, 8, 10, BEFORE_MIDNIGHT); // the 5th reaches 50%, the 8th 80%
        calls.add(call(tenant, 15, BEFORE_MIDNIGHT)); // 95%
        sendAndAwait(calls);
        // Every event again, as after a rebalance or a crash before the offsets were committed.
        sendAndAwait(calls);
        Budgets.awaitOutboxSent(dataSource);

        List<Alert.Budget> alerts = Budgets.alerts(tenant);
        assertThat(alerts).extracting(Alert.Budget::level).containsExactly(Alert.Level.WARN, Alert.Level.PAUSE);
        Alert.Budget warn = alerts.getFirst();
        assertThat(warn.tenant()).isEqualTo(tenant);
        assertThat(warn.period()).isEqualTo("2031-05");
        assertThat(warn.spendUsd()).isEqualByComparingTo("0.80");
        assertThat(warn.budgetUsd()).isEqualByComparingTo("1");
        assertThat(warn.percent()).isEqualTo(80);
        // 0.80 spent in the first 13 d 23 h 50 min of a 31-day month (from 1 May 00:00 in Tokyo): 0.80 * 31 / 13.993.
        assertThat(warn.forecastUsd()).isEqualByComparingTo("1.772308");
        assertThat(warn.at()).isEqualTo(BEFORE_MIDNIGHT);
        assertThat(alerts.get(1).spendUsd()).isEqualByComparingTo("0.95");
        assertThat(alerts.get(1).percent()).isEqualTo(95);
        assertThat(alerts).extracting(Alert.Budget::id).doesNotHaveDuplicates();
        assertThat(Budgets.readersAlerts(tenant)).as("the tenant's own topic, which its principal may read")
                .containsExactlyElementsOf(alerts);
        assertThat(TopicAdmin.layout(Infrastructure.kafka().bootstrapServers(), Topics.tenantAlerts(tenant)))
                .as("made by the service, not on first use").usingRecursiveComparison().ignoringFields("name")
                .isEqualTo(Topics.TENANT_ALERTS_SPEC);

        List<ControlEvent.ModeSwitch> switches = Budgets.switches(scope);
        assertThat(switches).extracting(ControlEvent.ModeSwitch::mode).containsExactly("hybrid", "ollama-heavy",
                "ollama-only");
        assertThat(switches).extracting(ControlEvent.ModeSwitch::paused).as("the wall from the pause threshold on")
                .containsExactly(false, false, true);
        assertThat(switches.get(1).reason()).isEqualTo("monthly budget at 80% (0.80 of 1.00 USD)");
        assertThat(switches).allSatisfy(s -> assertThat(s.scope()).isEqualTo(scope));
    }

    @Test
    void aDailyBudgetStartsAgainAtMidnightInItsTimeZone() {
        String tenant = Calls.uniqueTenant("daily");
        String scope = "tenant:" + tenant;
        Budgets.put(scope, "daily", "{\"amount_usd\": 1.00, \"warn_at_percent\": 70}");
        sendAndAwait(calls(tenant, 8, 10, BEFORE_MIDNIGHT));
        assertThat(Budgets.awaitAlerts(tenant, 1)).extracting(Alert.Budget::level).containsExactly(Alert.Level.WARN);
        Budgets.awaitSwitches(scope, 2);

        // 00:00:01 in Tokyo, still 14 May in UTC: only the zone's midnight can have started the new day.
        clock.set(Instant.parse("2031-05-14T15:00:01Z"));
        List<Alert.Budget> alerts = Budgets.awaitAlerts(tenant, 2);
        Alert.Budget resume = alerts.get(1);
        assertThat(resume.level()).isEqualTo(Alert.Level.RESUME);
        assertThat(resume.period()).isEqualTo("2031-05-15");
        assertThat(resume.spendUsd()).isZero();
        assertThat(resume.percent()).isZero();
        ControlEvent.ModeSwitch back = Budgets.awaitSwitches(scope, 3).get(2);
        assertThat(back.mode()).as("withdrawn: the policy decides again").isNull();
        assertThat(back.reason()).contains("back to the policy's mode");

        // The new day counts from zero: half the budget switches to hybrid again; no one is warned.
        sendAndAwait(calls(tenant, 5, 10, Instant.parse("2031-05-14T15:00:30Z")));
        Budgets.awaitOutboxSent(dataSource);
        assertThat(Budgets.alerts(tenant)).hasSize(2);
        assertThat(Budgets.switches(scope)).extracting(ControlEvent.ModeSwitch::mode).containsExactly("hybrid",
                "ollama-heavy", null, "hybrid");
        Budgets.admin().get("/v1/budgets/" + scope + "/daily").then().statusCode(200)
                .body("current.period", org.hamcrest.Matchers.equalTo("2031-05-15"))
                .body("current.spend_usd", org.hamcrest.Matchers.equalTo(0.5f))
                .body("current.level", org.hamcrest.Matchers.equalTo("none"));
    }

    @Test
    void aBudgetChangeIsMeasuredAtOnce() {
        String tenant = Calls.uniqueTenant("changed");
        String scope = "tenant:" + tenant;
        Budgets.put(scope, "monthly", "{\"amount_usd\": 1.00}");
        sendAndAwait(List.of(call(tenant, 30, BEFORE_MIDNIGHT), call(tenant, 30, BEFORE_MIDNIGHT)));

        Budgets.put(scope, "monthly", "{\"amount_usd\": 0.60}"); // 100%: past warn and pause at once
        Budgets.put(scope, "monthly", "{\"amount_usd\": 10}"); // 6%: under every threshold and rule
        Budgets.awaitOutboxSent(dataSource);

        assertThat(Budgets.alerts(tenant)).extracting(Alert.Budget::level).containsExactly(Alert.Level.WARN,
                Alert.Level.PAUSE, Alert.Level.RESUME);
        assertThat(Budgets.alerts(tenant).get(2).budgetUsd()).isEqualByComparingTo("10");
        assertThat(Budgets.switches(scope)).extracting(ControlEvent.ModeSwitch::mode).containsExactly("hybrid",
                "ollama-only", null);
        assertThat(Budgets.switches(scope)).extracting(ControlEvent.ModeSwitch::paused).containsExactly(false, true,
                false);
    }

    @Test
    void aPaidCallTheCatalogueCannotPriceCountsAtTheMostItCouldCostNeverAtZero() {
        String tenant = Calls.uniqueTenant("unpriced");
        Budgets.put("tenant:" + tenant, "monthly", "{\"amount_usd\": 1.00}");
        // 40k tokens in and out of a model openai does not list: at openai's highest ($2.50 / $10.00), $0.50.
        sendAndAwait(List.of(Calls.of(tenant, "openai", "gpt-unlisted").tokens(40_000, 40_000).at(BEFORE_MIDNIGHT)));
        Budgets.admin().get("/v1/budgets/tenant:" + tenant + "/monthly").then().statusCode(200)
                .body("current.spend_usd", org.hamcrest.Matchers.equalTo(0.5f));
    }

    @Test
    void aPauseWithoutASwitchingRuleStillPublishesTheWall() {
        String tenant = Calls.uniqueTenant("norule");
        String scope = "tenant:" + tenant;
        // Pause at 10%, under the first switching rule (50%): no mode to switch to, but the scope is paused.
        Budgets.put(scope, "monthly", "{\"amount_usd\": 1.00, \"warn_at_percent\": 5, \"pause_at_percent\": 10}");
        sendAndAwait(List.of(call(tenant, 20, BEFORE_MIDNIGHT)));
        ControlEvent.ModeSwitch paused = Budgets.awaitSwitches(scope, 1).getFirst();
        assertThat(paused.mode()).as("no rule names a mode").isNull();
        assertThat(paused.paused()).isTrue();
        assertThat(paused.reason()).isEqualTo("paused: monthly budget at 20% (0.20 of 1.00 USD)");
        Budgets.put(scope, "monthly", "{\"amount_usd\": 10}");
        ControlEvent.ModeSwitch lifted = Budgets.awaitSwitches(scope, 2).get(1);
        assertThat(lifted.paused()).isFalse();
        assertThat(lifted.reason()).isEqualTo("no budget of the scope is at its pause threshold any more");
    }
}
