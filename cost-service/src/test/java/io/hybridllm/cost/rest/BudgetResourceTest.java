package io.hybridllm.cost.rest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.hybridllm.cost.Calls;
import io.hybridllm.cost.budget.Budgets;
import io.hybridllm.testkit.quarkus.KafkaTestResource;
import io.hybridllm.testkit.quarkus.PostgresTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "cost"))
class BudgetResourceTest {

    @Test
    void withoutTheAdminTokenNothingIsShownOrChanged() {
        given().get("/v1/budgets").then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer").body("type", equalTo("urn:hybrid-llm:problem:unauthorized"));
        given().header("Authorization", "Bearer not-the-token").contentType("application/json")
                .body("{\"amount_usd\": 5}").put("/v1/budgets/global/daily").then().statusCode(401)
                .header("WWW-Authenticate", "Bearer");
        given().header("Authorization", "Bearer test-admin-token-and-more").delete("/v1/budgets/global/monthly").then()
                .statusCode(401);
        // The token alone, without the scheme, is not the admin either.
        given().header("Authorization", Budgets.TOKEN).get("/v1/budgets/global/monthly").then().statusCode(401);
    }

    @Test
    void createChangeReadListAndDelete() {
        String scope = "tenant:" + Calls.uniqueTenant("crud");
        String url = "/v1/budgets/" + scope + "/monthly";

        Budgets.admin().header("X-Changed-By", "ops@example.org").body("{\"amount_usd\": 25.50}").put(url).then()
                .statusCode(201).header("Location", endsWith(url)).body("scope", equalTo(scope))
                .body("period", equalTo("monthly")).body("amount_usd", equalTo(25.5f))
                .body("warn_at_percent", equalTo(80)).body("pause_at_percent", equalTo(95))
                .body("source", equalTo("api")).body("revision", equalTo(1))
                .body("updated_by", equalTo("ops@example.org")).body("current.spend_usd", equalTo(0))
                .body("current.level", equalTo("none"));
        Budgets.admin().body("{\"amount_usd\": 30, \"warn_at_percent\": 60, \"pause_at_percent\": 90}").put(url).then()
                .statusCode(200).body("amount_usd", equalTo(30)).body("warn_at_percent", equalTo(60))
                .body("revision", equalTo(2)).body("updated_by", equalTo("admin"));

        Budgets.admin().get(url).then().statusCode(200).body("pause_at_percent", equalTo(90));
        String remaining = "hybrid_cost_budget_remaining_usd{period=\"monthly\",scope=\"" + scope + "\"} 30.0";
        await().atMost(Duration.ofSeconds(30))
                .until(() -> given().get("/q/metrics").then().extract().asString().contains(remaining));
        Budgets.admin().get("/v1/budgets").then().statusCode(200).body("scope", hasItem(scope))
                .body("find { it.scope == 'global' && it.period == 'monthly' }.source", equalTo("policy"))
                .body("find { it.scope == 'global' && it.period == 'monthly' }.amount_usd", equalTo(1000000))
                .body("find { it.scope == 'global' && it.period == 'monthly' }.revision", nullValue());

        Budgets.admin().delete(url).then().statusCode(204);
        Budgets.admin().get(url).then().statusCode(404).contentType("application/problem+json");
        Budgets.admin().delete(url).then().statusCode(404);
    }

    @Test
    void aPolicyBudgetIsOverriddenOverHttpNotDeleted() {
        Budgets.admin().delete("/v1/budgets/global/monthly").then().statusCode(409)
                .contentType("application/problem+json").body("detail", containsString("[cost]"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = { "{}|amount_usd|is required", "{\"amount_usd\": 0}|amount_usd|more than 0",
            "{\"amount_usd\": -3}|amount_usd|more than 0", "{\"amount_usd\": 1e12}|amount_usd|at most",
            "{\"amount_usd\": 0.0000001}|amount_usd|6 decimals",
            "{\"amount_usd\": 5, \"warn_at_percent\": 0}|warn_at_percent|from 1 to 100",
            "{\"amount_usd\": 5, \"pause_at_percent\": 101}|pause_at_percent|from 1 to 100",
            "{\"amount_usd\": 5, \"warn_at_percent\": 96}|warn_at_percent|must be below pause_at_percent (95)",
            "{\"amount_usd\": 5, \"pause_at_percent\": 50}|pause_at_percent|must be below pause_at_percent (50)",
            "{\"amount\": 5}|amount|is not a known field", "{\"amount_usd\": \"lots\"}|amount_usd|''",
            "{\"amount_usd\": 5|''|''" })
    void anInvalidBudgetIsRefusedNamingTheField(String body, String field, String reason) {
        Budgets.admin().body(body).put("/v1/budgets/tenant:" + Calls.uniqueTenant("invalid") + "/daily").then()
                .statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("urn:hybrid-llm:problem:invalid-budget")).body("field", equalTo(field))
                .body("detail", containsString(reason));
    }

    @Test
    void anUnknownScopeOrPeriodIsRefusedNamingIt() {
        Budgets.admin().body("{\"amount_usd\": 5}").put("/v1/budgets/team:blue/daily").then().statusCode(400)
                .body("field", equalTo("scope")).body("detail", containsString("global or tenant:<id>"));
        Budgets.admin().body("{\"amount_usd\": 5}").put("/v1/budgets/global/weekly").then().statusCode(400)
                .body("field", equalTo("period")).body("detail", containsString("monthly or daily"));
        Budgets.admin().get("/v1/budgets/tenant:/daily").then().statusCode(400).body("field", equalTo("scope"));
        Budgets.admin().header("X-Changed-By", "x".repeat(201)).body("{\"amount_usd\": 5}")
                .put("/v1/budgets/global/daily").then().statusCode(400).body("field", equalTo("X-Changed-By"));
    }
}
