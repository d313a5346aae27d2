package io.hybridllm.cost.budget;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;

import javax.sql.DataSource;

import io.hybridllm.contracts.Alert;
import io.hybridllm.contracts.ControlEvent;
import io.hybridllm.contracts.Topics;
import io.hybridllm.cost.TopicRecords;
import io.restassured.specification.RequestSpecification;

/** Budgets over the admin API, and what the service has published about them. */
public final class Budgets {

    public static final String TOKEN = "test-admin-token";

    public static RequestSpecification admin() {
        return given().header("Authorization", "Bearer " + TOKEN).contentType("application/json");
    }

    public static void put(String scope, String period, String body) {
        admin().body(body).put("/v1/budgets/" + scope + "/" + period).then()
                .statusCode(org.hamcrest.Matchers.anyOf(org.hamcrest.Matchers.is(200), org.hamcrest.Matchers.is(201)));
    }

    /** Waits until every decided message has left the outbox: after that, the topics hold all there will be. */
    public static void awaitOutboxSent(DataSource dataSource) {
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            try (var connection = dataSource.getConnection();
                    var statement = connection.createStatement();
                    var result = statement.executeQuery("select count(*) from outbox where sent_at is null")) {
                result.next();
                return result.getLong(1) == 0;
            }
        });
    }

    /** The budget alerts of a tenant ({@code *}: of global budgets, beside the provider alerts also keyed so). */
    public static List<Alert.Budget> alerts(String tenant) {
        return TopicRecords.all(Topics.ALERTS, tenant, Alert.class).stream().filter(Alert.Budget.class::isInstance)
                .map(Alert.Budget.class::cast).toList();
    }

    /** The copies its readers get: a tenant's on its own topic, the global ones on the topic for every tenant. */
    public static List<Alert.Budget> readersAlerts(String tenant) {
        String topic = Scope.ALL_TENANTS.equals(tenant) ? Topics.EVERYONE_ALERTS : Topics.tenantAlerts(tenant);
        return TopicRecords.all(topic, tenant, Alert.class).stream().filter(Alert.Budget.class::isInstance)
                .map(Alert.Budget.class::cast).toList();
    }

    public static List<ControlEvent.ModeSwitch> switches(String scope) {
        return TopicRecords.all(Topics.CONTROL_MODES, scope, ControlEvent.class).stream()
                .map(ControlEvent.ModeSwitch.class::cast).toList();
    }

    /** Waits for {@code count} alerts of a tenant, then returns all it has. */
    public static List<Alert.Budget> awaitAlerts(String tenant, int count) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> alerts(tenant), alerts -> alerts.size() >= count);
    }

    public static List<ControlEvent.ModeSwitch> awaitSwitches(String scope, int count) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> switches(scope),
                switches -> switches.size() >= count);
    }

    private Budgets() {
    }
}
