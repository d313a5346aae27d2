package io.hybridllm.cost.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.hybridllm.contracts.Topics;
import io.hybridllm.contracts.UsageEvent;
import io.hybridllm.contracts.json.Json;
import io.hybridllm.cost.Calls;
import io.hybridllm.testkit.kafka.KafkaProbe;
import io.hybridllm.testkit.quarkus.KafkaTestResource;
import io.hybridllm.testkit.quarkus.PostgresTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * {@code end_user} (OpenAI's {@code user}) is stored with each usage event from {@code llm.usage} and is a dimension of
 * the reports: grouped by, and filtered on, in the summary, its CSV and the savings.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "cost"))
class EndUserCostsTest {

    private static final KafkaProbe kafka = KafkaProbe.shared();

    private static void send(Calls calls, String endUser) {
        UsageEvent e = calls.event();
        UsageEvent forUser = new UsageEvent(e.schemaVersion(), e.eventId(), e.requestId(), e.tenant(), e.jobId(),
                e.taskType(), e.tier(), e.provider(), e.model(), e.usage(), e.costUsd(), e.latencyMs(), e.outcome(),
                e.errorCode(), e.occurredAt(), endUser);
        kafka.send(Topics.USAGE, e.tenant(), Json.write(forUser));
    }

    @Test
    void anEndUsersSpendIsGroupedAndFilteredOn() {
        String tenant = Calls.uniqueTenant("endusers");
        send(Calls.of(tenant, "openai", "gpt-4o-mini").tokens(1_000, 1_000), "user-42"); // $0.00075
        send(Calls.of(tenant, "ollama", "llama3.2:1b").tokens(100, 50), "user-42"); // free
        send(Calls.of(tenant, "openai", "gpt-4o-mini").tokens(2_000, 500), "user-7"); // $0.0006
        send(Calls.of(tenant, "openai", "gpt-4o-mini").tokens(2_000, 500), null); // $0.0006, no end user

        Summaries.awaitCalls("tenant=" + tenant, 4);
        JsonNode perUser = Summaries.get("tenant=" + tenant + "&group_by=end_user");
        assertThat(perUser.at("/groups")).extracting(g -> g.at("/end_user").asText(null) + " " + g.at("/calls"))
                .containsExactly("user-42 2", "user-7 1", "null 1");
        assertThat(given().get("/v1/costs/summary?format=csv&group_by=end_user&tenant=" + tenant).then().statusCode(200)
                .extract().asString()).startsWith("end_user,").contains("user-42,", "user-7,");

        JsonNode one = Summaries.get("tenant=" + tenant + "&end_user=user-42&group_by=tier,provider");
        assertThat(one.at("/total/calls").asLong()).isEqualTo(2);
        assertThat(one.at("/total/cost_usd").decimalValue()).isEqualByComparingTo("0.00075");

        JsonNode savings = Summaries.read(given().get("/v1/costs/savings?tenant=" + tenant + "&end_user=user-7").then()
                .statusCode(200).extract().asString());
        assertThat(savings.at("/total/requests").asLong()).isEqualTo(1);
        assertThat(savings.at("/total/actual_usd").decimalValue()).isEqualByComparingTo("0.0006");
    }

    @Test
    void anEventWhoseEndUserIsTooLongIsDeadLetteredNamingTheField() {
        String tenant = Calls.uniqueTenant("long");
        UsageEvent e = Calls.of(tenant, "openai", "gpt-4o-mini").event();
        String json = Json.write(new UsageEvent(e.schemaVersion(), e.eventId(), e.requestId(), e.tenant(), null,
                e.taskType(), e.tier(), e.provider(), e.model(), e.usage(), e.costUsd(), e.latencyMs(), e.outcome(),
                e.errorCode(), e.occurredAt(), "to-be-lengthened"));
        kafka.send(Topics.USAGE, tenant, json.replace("to-be-lengthened", "u".repeat(257)));

        ConsumerRecord<String, String> dead = kafka.awaitKey(Topics.dlqOf(Topics.USAGE), tenant,
                Duration.ofSeconds(30));
        assertThat(KafkaProbe.header(dead, "dead-letter-reason"))
                .hasValueSatisfying(reason -> assertThat(reason).contains("end_user"));
    }

    @Test
    void anEndUserFilterNoRequestCouldCarryIsRefused() {
        given().get("/v1/costs/summary?end_user=" + "u".repeat(257)).then().statusCode(400);
    }
}
