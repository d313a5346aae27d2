package io.hybridllm.cost.dashboard;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.hybridllm.cost.Calls;
import io.hybridllm.cost.budget.Budgets;
import io.hybridllm.testkit.kafka.KafkaProbe;
import io.hybridllm.testkit.quarkus.KafkaTestResource;
import io.hybridllm.testkit.quarkus.PostgresTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** The dashboard's own JSON: budget standings and recent alerts, per tenant, open without the admin token. */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "cost"))
class DashboardDataTest {

    private static final KafkaProbe kafka = KafkaProbe.shared();

    @Test
    void aTenantSeesItsOwnAndTheGlobalBudgetsAndAlerts() {
        String tenant = Calls.uniqueTenant("gauges");
        String other = Calls.uniqueTenant("gauges-other");
        for (String who : new String[] { tenant, other }) {
            Calls.of(who, "openai", "gpt-4o").tokens(40_000, 0).sendTo(kafka); // $0.10
            await().atMost(Duration.ofSeconds(30)).until(
                    () -> given().get("/v1/costs/summary?tenant=" + who).then().extract().path("total.calls"),
                    calls -> Integer.valueOf(1).equals(calls));
            // A budget lowered under the spend warns at once: $0.10 of $0.11 is 90%.
            Budgets.put("tenant:" + who, "monthly", "{\"amount_usd\": 0.11}");
        }

        String own = "find { it.scope == 'tenant:" + tenant + "' }";
        given().get("/v1/costs/budgets?tenant=" + tenant).then().statusCode(200).body("scope", hasItem("global"))
                .body("scope", not(hasItem("tenant:" + other))).body(own + ".amount_usd", equalTo(0.11f))
                .body(own + ".spend_usd", equalTo(0.1f)).body(own + ".percent", equalTo(90))
                .body(own + ".level", equalTo("warn")).body(own, not(hasKey("updated_by")));
        // Its own alert, and the global budgets' alerts of other tests of this JVM at most.
        String ownAlerts = "findAll { it.tenant == '" + tenant + "' }";
        given().get("/v1/costs/alerts?limit=200&tenant=" + tenant).then().statusCode(200)
                .body("tenant", everyItem(anyOf(equalTo(tenant), equalTo("*")))).body(ownAlerts, hasSize(1))
                .body(ownAlerts + "[0].type", equalTo("budget")).body(ownAlerts + "[0].level", equalTo("warn"))
                .body(ownAlerts + "[0].percent", equalTo(90));
        given().get("/v1/costs/alerts?limit=200").then().statusCode(200).body("tenant", hasItem(tenant)).body("tenant",
                hasItem(other));
    }

    @Test
    void badParametersAreNamed() {
        given().get("/v1/costs/alerts?limit=0").then().statusCode(400).contentType("application/problem+json")
                .body("field", equalTo("limit")).body("detail", containsString("1 to 200"));
        given().get("/v1/costs/budgets?tenant=a%20b").then().statusCode(400).body("field", equalTo("tenant"));
    }
}
