package io.hybridllm.cost.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.startsWith;

import org.junit.jupiter.api.Test;

import io.hybridllm.cost.Calls;
import io.hybridllm.testkit.kafka.KafkaProbe;
import io.hybridllm.testkit.quarkus.KafkaTestResource;
import io.hybridllm.testkit.quarkus.PostgresTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "cost"))
class CostSummaryFormatsTest {

    private static final String CSV_HEADER = "provider,model,calls,requests,calls_failed,prompt_tokens,completion_tokens,"
            + "cost_usd,unpriced_calls\r\n";

    private static final KafkaProbe kafka = KafkaProbe.shared();

    private static String sendTwoCalls() {
        String tenant = Calls.uniqueTenant("csv");
        Calls.of(tenant, "openai", "gpt-4o-mini").tokens(1_000, 1_000).sendTo(kafka);
        Calls.of(tenant, "mistral", "mistral-large-latest").tokens(1_000_000, 0).sendTo(kafka);
        Summaries.awaitCalls("tenant=" + tenant, 2);
        return tenant;
    }

    @Test
    void csvOnRequestWithAHeaderRow() {
        String tenant = sendTwoCalls();

        String csv = given().get("/v1/costs/summary?format=csv&tenant=" + tenant).then().statusCode(200)
                .contentType(startsWith("text/csv")).extract().asString();

        assertThat(csv).isEqualTo(CSV_HEADER + "mistral,mistral-large-latest,1,1,0,1000000,0,2,0\r\n"
                + "openai,gpt-4o-mini,1,1,0,1000,1000,0.00075,0\r\n");
    }

    @Test
    void csvWhenTheClientAcceptsOnlyCsv() {
        String tenant = sendTwoCalls();

        String csv = given().accept("text/csv").get("/v1/costs/summary?group_by=tenant&tenant=" + tenant).then()
                .statusCode(200).contentType(startsWith("text/csv")).extract().asString();

        assertThat(csv).startsWith("tenant,calls,").contains(tenant + ",2,2,0,");
    }

    @Test
    void jsonByDefaultAndForAnyAccept() {
        given().accept("*/*").get("/v1/costs/summary").then().statusCode(200).contentType("application/json")
                .body("currency", equalTo("USD"));
    }

    @Test
    void anUnknownGroupByIsAProblemNamingTheParameter() {
        given().get("/v1/costs/summary?group_by=provider,colour").then().statusCode(400)
                .contentType("application/problem+json").body("status", equalTo(400)).body("field", equalTo("group_by"))
                .body("title", equalTo("Invalid request parameter")).body("type", startsWith("urn:"))
                .body("detail", containsString("'colour' is not a dimension"))
                .body("detail", containsString("provider, model, tier, tenant, task_type, job_id, end_user, day"));
    }

    @Test
    void anUnreadableTimeIsAProblemNamingTheParameter() {
        given().get("/v1/costs/summary?from=yesterday").then().statusCode(400).contentType("application/problem+json")
                .body("field", equalTo("from")).body("detail", containsString("ISO-8601"));
    }

    @Test
    void anEmptyRangeIsAProblemNamingTheEnd() {
        given().get("/v1/costs/summary?from=2026-11-02&to=2026-11-01T00:00:00Z").then().statusCode(400)
                .contentType("application/problem+json").body("field", equalTo("to"));
    }

    @Test
    void anUnknownFormatIsAProblemNamingTheParameter() {
        given().get("/v1/costs/summary?format=xml").then().statusCode(400).contentType("application/problem+json")
                .body("field", equalTo("format"));
    }

    @Test
    void readyOnlyWithKafkaAndTheDatabase() {
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP")).body("checks.name",
                hasItems("Database connections health check", "SmallRye Reactive Messaging - readiness check"));
    }
}
