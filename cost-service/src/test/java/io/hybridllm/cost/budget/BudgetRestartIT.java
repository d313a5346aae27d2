package io.hybridllm.cost.budget;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.hybridllm.contracts.Alert;
import io.hybridllm.contracts.ControlEvent;
import io.hybridllm.cost.Calls;
import io.hybridllm.cost.CostProcess;
import io.hybridllm.testkit.Infrastructure;
import io.hybridllm.testkit.kafka.KafkaProbe;
import io.hybridllm.testkit.postgres.PostgresServer;
import io.restassured.RestAssured;

/**
 * Exactly once across crashes of the real service process: three processes, one after the other, on one database. The
 * first is killed after announcing a crossing; the second decides a crossing but may not publish it (its outbox
 * publisher is off) and is killed with the messages still in the outbox; the third publishes them, absorbs every event
 * again, and decides the last crossing. Each crossing must be on the topics once.
 */
class BudgetRestartIT {

    private static final String DATABASE = "cost_restart";
    private static final KafkaProbe kafka = KafkaProbe.shared();

    @Test
    void aCrossingIsAnnouncedOnceAcrossKilledProcesses() throws Exception {
        String tenant = Calls.uniqueTenant("restart");
        String scope = "tenant:" + tenant;
        List<Calls> sent = new ArrayList<>();

        // Each process is killed by the test, and again on the way out if an assertion failed first: no orphans.
        try (CostProcess first = CostProcess.start(DATABASE, "restart-1", Map.of())) {
            RestAssured.port = first.port();
            given().header("Authorization", "Bearer " + CostProcess.ADMIN_TOKEN).contentType("application/json")
                    .body("{\"amount_usd\": 1.00}").put("/v1/budgets/" + scope + "/monthly").then().statusCode(201);
            send(sent, tenant, 5, 10); // 50%: hybrid
            Budgets.awaitSwitches(scope, 1);
            first.kill();
        }

        try (CostProcess second = CostProcess.start(DATABASE, "restart-2", Map.of("HYBRID_OUTBOX_PUBLISH", "false"))) {
            sent.forEach(call -> call.sendTo(kafka)); // redelivered
            send(sent, tenant, 3, 10); // 80%: warn and ollama-heavy, decided but left in the outbox
            // The warning on llm.alerts and its copy on the tenant's own topic, and the switch.
            await().atMost(Duration.ofSeconds(30)).until(() -> unsent() == 3);
            second.kill();
        }
        assertThat(Budgets.alerts(tenant)).isEmpty();

        try (CostProcess third = CostProcess.start(DATABASE, "restart-3", Map.of())) {
            RestAssured.port = third.port();
            sent.forEach(call -> call.sendTo(kafka)); // redelivered again
            send(sent, tenant, 1, 15); // 95%: pause and ollama-only
            Calls last = Calls.of(tenant, "ollama", "llama3.2:1b").sendTo(kafka);
            await().atMost(Duration.ofSeconds(30)).until(() -> recorded(last.eventId()));
            await().atMost(Duration.ofSeconds(30)).until(() -> unsent() == 0);

            assertThat(Budgets.alerts(tenant)).extracting(Alert.Budget::level).containsExactly(Alert.Level.WARN,
                    Alert.Level.PAUSE);
            assertThat(Budgets.readersAlerts(tenant)).containsExactlyElementsOf(Budgets.alerts(tenant));
            assertThat(Budgets.switches(scope)).extracting(ControlEvent.ModeSwitch::mode).containsExactly("hybrid",
                    "ollama-heavy", "ollama-only");
            // Nine calls, each counted once, however often it was delivered.
            given().header("Authorization", "Bearer " + CostProcess.ADMIN_TOKEN)
                    .get("/v1/budgets/" + scope + "/monthly").then().statusCode(200)
                    .body("current.spend_usd", org.hamcrest.Matchers.equalTo(0.95f));
        }
    }

    /** Sends {@code count} gpt-4o calls of {@code cents} each ($2.50 per 1M prompt tokens: 4,000 tokens a cent). */
    private static void send(List<Calls> sent, String tenant, int count, int cents) {
        for (int i = 0; i < count; i++) {
            sent.add(Calls.of(tenant, "openai", "gpt-4o").tokens(cents * 4_000, 0).sendTo(kafka));
        }
    }

    private static long unsent() throws SQLException {
        return count("select count(*) from outbox where sent_at is null");
    }

    private static boolean recorded(String eventId) throws SQLException {
        return count("select count(*) from usage_event where event_id = '" + eventId + "'") == 1;
    }

    private static long count(String sql) throws SQLException {
        PostgresServer postgres = Infrastructure.postgres();
        try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl(DATABASE), postgres.username(),
                postgres.password());
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        }
    }
}
