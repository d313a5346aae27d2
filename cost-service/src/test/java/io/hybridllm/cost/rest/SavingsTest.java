package io.hybridllm.cost.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.hybridllm.contracts.Attempt.Outcome;
import io.hybridllm.contracts.LlmReply;
import io.hybridllm.contracts.RoutingDecision;
import io.hybridllm.contracts.SchemaVersion;
import io.hybridllm.contracts.Target;
import io.hybridllm.contracts.TaskType;
import io.hybridllm.contracts.Tier;
import io.hybridllm.contracts.TokenUsage;
import io.hybridllm.contracts.Topics;
import io.hybridllm.contracts.json.Json;
import io.hybridllm.cost.Calls;
import io.hybridllm.testkit.kafka.KafkaProbe;
import io.hybridllm.testkit.quarkus.KafkaTestResource;
import io.hybridllm.testkit.quarkus.PostgresTestResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Savings against the reference model of the test profile, openai/gpt-4o ($2.50 in, $10 out per 1M tokens), for traffic
 * priced by the shipped catalogue (gpt-4o-mini: $0.15 in, $0.60 out; ollama free). Every figure is worked out by hand
 * beside the call that causes it.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "cost"))
class SavingsTest {

    private static final KafkaProbe kafka = KafkaProbe.shared();

    @Inject
    EntityManager entityManager;

    /** An hour of the 2010s no other test writes to: the range alone isolates this test's usage. */
    private static Instant unusedHour() {
        return Instant.parse("2010-01-01T00:00:00Z")
                .plus(Duration.ofHours(ThreadLocalRandom.current().nextInt(24 * 365 * 9)));
    }

    @Test
    void savingsAndRecommendationsMatchTheFiguresWorkedOutByHand() {
        Instant hour = unusedHour();
        String tenant = Calls.uniqueTenant("savings");
        List<Calls> calls = List.of(
                // r1: local, free; reference 1000 * 2.5 + 500 * 10 = 0.0075
                Calls.of(tenant, "ollama", "llama3.2:1b").tokens(1_000, 500).at(hour.plusSeconds(10)),
                // r2 (review): a local answer, escalated to the cloud; actual 2000 * 0.15 + 1000 * 0.6 = 0.0009,
                // reference the cloud answer's tokens: 2000 * 2.5 + 1000 * 10 = 0.015
                Calls.of(tenant, "ollama", "llama3.1:8b").request("r2-" + tenant).task(TaskType.REVIEW)
                        .tier(Tier.LOCAL_QUALITY).tokens(2_000, 1_000).at(hour.plusSeconds(20)),
                Calls.of(tenant, "openai", "gpt-4o-mini").request("r2-" + tenant).task(TaskType.REVIEW)
                        .tokens(2_000, 1_000).at(hour.plusSeconds(30)),
                // r3: cloud, scored 0.2; actual 4000 * 0.15 + 1000 * 0.6 = 0.0012, reference 0.01 + 0.01 = 0.02
                Calls.of(tenant, "openai", "gpt-4o-mini").request("r3-" + tenant).tokens(4_000, 1_000)
                        .at(hour.plusSeconds(40)),
                // r4: failed locally, never answered: a request on both sides, costing nothing on either
                Calls.of(tenant, "ollama", "llama3.2:1b").tokens(0, 0).outcome(Outcome.FAILED).at(hour.plusSeconds(50)),
                // r5: a model the catalogue does not price: left out of both sides
                Calls.of(tenant, "openai", "gpt-unknown").tokens(100, 100).at(hour.plusSeconds(60)),
                // r6, r7: cloud, scored 0.25 and 0.9; actual 0.00015 each, reference 0.0025 each
                Calls.of(tenant, "openai", "gpt-4o-mini").request("r6-" + tenant).tokens(1_000, 0)
                        .at(hour.plusSeconds(70)),
                Calls.of(tenant, "openai", "gpt-4o-mini").request("r7-" + tenant).tokens(1_000, 0)
                        .at(hour.plusSeconds(80)));
        calls.forEach(call -> call.sendTo(kafka));
        reply("r2-" + tenant, tenant, 0.5);
        reply("r3-" + tenant, tenant, 0.2);
        reply("r6-" + tenant, tenant, 0.25);
        reply("r7-" + tenant, tenant, 0.9);
        Summaries.awaitCalls("tenant=" + tenant + "&from=" + hour + "&to=" + hour.plusSeconds(3_600), calls.size());
        awaitScores(tenant, 4);

        JsonNode report = savings("tenant=" + tenant + "&from=" + hour + "&to=" + hour.plusSeconds(3_600));

        assertThat(report.at("/reference/provider").asText()).isEqualTo("openai");
        assertThat(report.at("/reference/model").asText()).isEqualTo("gpt-4o");
        assertThat(report.at("/total/requests").asLong()).isEqualTo(6);
        assertThat(decimal(report, "/total/actual_usd")).isEqualByComparingTo("0.0024");
        assertThat(decimal(report, "/total/reference_usd")).isEqualByComparingTo("0.0475");
        assertThat(decimal(report, "/total/savings_usd")).isEqualByComparingTo("0.0451");
        assertThat(decimal(report, "/total/savings_percent")).isEqualByComparingTo("94.95");
        assertThat(report.at("/unpriced_requests").asLong()).isEqualTo(1);
        assertThat(decimal(report, "/subscriptions_usd")).isZero();

        assertThat(report.at("/by_task_type/0/task_type").asText()).isEqualTo("chat");
        assertThat(report.at("/by_task_type/0/requests").asLong()).isEqualTo(5);
        assertThat(decimal(report, "/by_task_type/0/actual_usd")).isEqualByComparingTo("0.0015");
        assertThat(decimal(report, "/by_task_type/0/reference_usd")).isEqualByComparingTo("0.0325");
        assertThat(decimal(report, "/by_task_type/0/savings_percent")).isEqualByComparingTo("95.38");
        assertThat(report.at("/by_task_type/1/task_type").asText()).isEqualTo("review");
        assertThat(decimal(report, "/by_task_type/1/savings_usd")).isEqualByComparingTo("0.0141");
        assertThat(decimal(report, "/by_task_type/1/savings_percent")).isEqualByComparingTo("94.00");

        // Chat went straight to the cloud 4 times, 3 of them scored, 2 under 0.6 (r3, r6): 0.00135 in an hour is
        // 0.00135 / (3600 s / 2629746 s) = 0.986155 a month. Review's cloud call was an escalation: no advice.
        assertThat(report.at("/recommendations")).hasSize(1);
        JsonNode advice = report.at("/recommendations/0");
        assertThat(advice.at("/task_type").asText()).isEqualTo("chat");
        assertThat(advice.at("/scored_cloud_calls").asLong()).isEqualTo(3);
        assertThat(advice.at("/low_score_calls").asLong()).isEqualTo(2);
        assertThat(decimal(advice, "/low_score_cost_usd")).isEqualByComparingTo("0.00135");
        assertThat(decimal(advice, "/monthly_saving_usd")).isEqualByComparingTo("0.986155");
        assertThat(advice.at("/advice").asText()).contains("route chat to a local tier").contains("$0.99 a month");
        assertThat(report.at("/assumptions").size()).isGreaterThanOrEqualTo(4);
    }

    @Test
    void aSubscriptionInUseCountsItsFeeForTheRange() {
        Instant hour = unusedHour();
        String tenant = Calls.uniqueTenant("seat");
        // Free per call, but the $10 monthly seat is used: an hour of it is 10 * 3600 / 2629746 = 0.01369.
        Calls.of(tenant, "copilot", "gpt-4o").tokens(1_000, 1_000).at(hour.plusSeconds(5)).sendTo(kafka);
        Summaries.awaitCalls("tenant=" + tenant + "&from=" + hour + "&to=" + hour.plusSeconds(3_600), 1);

        JsonNode report = savings("tenant=" + tenant + "&from=" + hour + "&to=" + hour.plusSeconds(3_600));

        assertThat(decimal(report, "/subscriptions_usd")).isEqualByComparingTo("0.01369");
        assertThat(decimal(report, "/total/reference_usd")).isEqualByComparingTo("0.0125");
        assertThat(decimal(report, "/total/savings_usd")).isEqualByComparingTo("-0.00119");
        assertThat(decimal(report, "/total/savings_percent")).isEqualByComparingTo("-9.52");
    }

    @Test
    void aBadRangeIsAProblemNamingTheParameter() {
        given().get("/v1/costs/savings?from=soon").then().statusCode(400).contentType("application/problem+json")
                .body("field", org.hamcrest.Matchers.equalTo("from"));
    }

    private static void reply(String requestId, String tenant, double score) {
        RoutingDecision decision = new RoutingDecision(Tier.CLOUD, List.of(new Target("openai", "gpt-4o-mini")), score,
                List.of(), "test", "hybrid", "test", null);
        LlmReply reply = new LlmReply(SchemaVersion.CURRENT, requestId, tenant, null, LlmReply.Status.SUCCEEDED, "ok",
                null, Tier.CLOUD, "openai", "gpt-4o-mini", TokenUsage.NONE, BigDecimal.ZERO, 10, null, decision,
                List.of(), null);
        kafka.send(Topics.REPLIES, requestId, Json.write(reply));
    }

    private void awaitScores(String tenant, long count) {
        await().atMost(Duration.ofSeconds(30))
                .until(() -> QuarkusTransaction.requiringNew()
                        .call(() -> ((Number) entityManager
                                .createNativeQuery("select count(*) from request_score where request_id like :suffix")
                                .setParameter("suffix", "%-" + tenant).getSingleResult()).longValue()) == count);
    }

    private static JsonNode savings(String query) {
        return Summaries.read(given().get("/v1/costs/savings?" + query).then().statusCode(200)
                .contentType("application/json").extract().asString());
    }

    private static BigDecimal decimal(JsonNode node, String pointer) {
        return node.at(pointer).decimalValue();
    }
}
