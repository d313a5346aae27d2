package io.hybridllm.cost.messaging;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.hybridllm.contracts.Attempt.Outcome;
import io.hybridllm.contracts.Topics;
import io.hybridllm.cost.Calls;
import io.hybridllm.cost.usage.UsageRepository;
import io.hybridllm.cost.usage.UsageRow;
import io.hybridllm.testkit.kafka.KafkaProbe;
import io.hybridllm.testkit.quarkus.KafkaTestResource;
import io.hybridllm.testkit.quarkus.PostgresTestResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "cost"))
class UsageConsumerTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final KafkaProbe kafka = KafkaProbe.shared();

    @Inject
    UsageRepository repository;

    private UsageRow row(String eventId) {
        return QuarkusTransaction.requiringNew().call(() -> repository.findById(eventId));
    }

    private UsageRow awaitRow(String eventId) {
        return await().atMost(WAIT).until(() -> row(eventId), row -> row != null);
    }

    @Test
    void aFailedLocalCallIsRecordedWithItsErrorCode() {
        Calls call = Calls.of(Calls.uniqueTenant("failed"), "ollama", "llama3.2:1b").tokens(0, 0)
                .outcome(Outcome.FAILED).reportedCost("0").sendTo(kafka);

        UsageRow row = awaitRow(call.eventId());
        assertThat(row.outcome).isEqualTo("failed");
        assertThat(row.errorCode).isEqualTo("provider_error");
        assertThat(row.priced).isTrue();
        assertThat(row.costUsd).isZero();
    }

    @Test
    void usageIsPricedWithTheCatalogueNotWithWhatTheWorkerReported() {
        // gpt-4o-mini: $0.15 in, $0.60 out per 1M tokens -> 0.00015 + 0.0006 = 0.00075.
        Calls call = Calls.of(Calls.uniqueTenant("priced"), "openai", "gpt-4o-mini").tokens(1_000, 1_000)
                .reportedCost("0.5").sendTo(kafka);

        UsageRow row = awaitRow(call.eventId());
        assertThat(row.priced).isTrue();
        assertThat(row.costUsd).isEqualByComparingTo("0.00075");
        assertThat(row.reportedCostUsd).isEqualByComparingTo("0.5");
        assertThat(row.priceVersion).isEqualTo("2026-11-01");
        assertThat(row.requestId).isEqualTo(call.requestId());
        assertThat(row.tenant).isEqualTo(call.tenant());
        assertThat(row.tier).isEqualTo("cloud");
        assertThat(row.taskType).isEqualTo("chat");
        assertThat(row.outcome).isEqualTo("succeeded");
        assertThat(row.promptTokens).isEqualTo(1_000);
        assertThat(row.completionTokens).isEqualTo(1_000);
        assertThat(row.latencyMs).isEqualTo(120);
        assertThat(row.occurredAt).isEqualTo(call.at());
        assertThat(row.recordedAt).isNotNull();
    }

    @Test
    void aRedeliveredEventChangesNothing() {
        String tenant = Calls.uniqueTenant("redelivered");
        Calls first = Calls.of(tenant, "openai", "gpt-4o").tokens(1_000_000, 0).sendTo(kafka);
        // Same event id, different content: a redelivery must not overwrite (or add to) what was recorded.
        first.tokens(5, 5).sendTo(kafka);
        // Same key, so same partition: once this one is in, both copies above have been processed.
        Calls after = Calls.of(tenant, "openai", "gpt-4o").sendTo(kafka);
        awaitRow(after.eventId());

        UsageRow row = row(first.eventId());
        assertThat(row.promptTokens).isEqualTo(1_000_000);
        assertThat(row.costUsd).isEqualByComparingTo("2.5");
        long rows = QuarkusTransaction.requiringNew().call(() -> repository.count("tenant", tenant));
        assertThat(rows).isEqualTo(2);
    }

    @Test
    void anUnknownModelIsFlaggedAsUnpricedNotCountedAsFree() {
        Calls call = Calls.of(Calls.uniqueTenant("unpriced"), "openai", "gpt-9-imaginary").reportedCost("0.01")
                .sendTo(kafka);

        UsageRow row = awaitRow(call.eventId());
        assertThat(row.priced).isFalse();
        assertThat(row.costUsd).isNull();
        assertThat(row.reportedCostUsd).isEqualByComparingTo("0.01");
    }

    @Test
    void anUnknownProviderIsFlaggedAsUnpriced() {
        Calls call = Calls.of(Calls.uniqueTenant("unpriced"), "someone-new", "model-x").sendTo(kafka);

        assertThat(awaitRow(call.eventId()).priced).isFalse();
    }

    @Test
    void localUsageIsPricedAtZero() {
        Calls call = Calls.of(Calls.uniqueTenant("local"), "ollama", "llama3.2:1b").tokens(50_000, 20_000)
                .sendTo(kafka);

        UsageRow row = awaitRow(call.eventId());
        assertThat(row.priced).isTrue();
        assertThat(row.costUsd).isEqualByComparingTo(BigDecimal.ZERO);
        assertThat(row.tier).isEqualTo("local-fast");
    }

    @Test
    void unreadableEventGoesToTheDeadLetterTopicNamingTheField() {
        String key = "poison-" + UUID.randomUUID();
        kafka.send(Topics.USAGE, key,
                "{\"event_id\":\"" + key + "\",\"tenant\":\"acme\",\"provider\":\"openai\",\"outcome\":\"succeeded\"}");

        ConsumerRecord<String, String> dead = kafka.awaitKey(Topics.dlqOf(Topics.USAGE), key, WAIT);
        assertThat(KafkaProbe.header(dead, "dead-letter-reason"))
                .hasValueSatisfying(reason -> assertThat(reason).contains("request_id: is required"));
        assertThat(row(key)).isNull();
    }

    @Test
    void malformedJsonGoesToTheDeadLetterTopicAndTheStreamGoesOn() {
        String tenant = Calls.uniqueTenant("malformed");
        kafka.send(Topics.USAGE, tenant, "{\"event_id\": \"x\", \"latency_ms\": \"slow\"");
        Calls after = Calls.of(tenant, "openai", "gpt-4o-mini").sendTo(kafka);

        assertThat(KafkaProbe.header(kafka.awaitKey(Topics.dlqOf(Topics.USAGE), tenant, WAIT), "dead-letter-reason"))
                .isPresent();
        awaitRow(after.eventId());
    }

    @Test
    void recordedUsageIsCountedInMetrics() {
        Calls priced = Calls.of(Calls.uniqueTenant("metrics"), "anthropic", "claude-3-5-haiku-20241022").sendTo(kafka);
        Calls unpriced = Calls.of(priced.tenant(), "anthropic", "claude-unknown").sendTo(kafka);
        awaitRow(priced.eventId());
        awaitRow(unpriced.eventId());

        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics).contains("hybrid_cost_usage_events_total{outcome=\"succeeded\",priced=\"true\"}")
                .contains("hybrid_cost_usage_events_total{outcome=\"succeeded\",priced=\"false\"}")
                .contains("hybrid_cost_spend_usd_total{provider=\"anthropic\",tenant=\"" + priced.tenant() + "\"}");
    }
}
