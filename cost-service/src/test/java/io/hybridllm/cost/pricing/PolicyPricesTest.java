package io.hybridllm.cost.pricing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.hybridllm.contracts.ControlEvent;
import io.hybridllm.contracts.SchemaVersion;
import io.hybridllm.contracts.json.Json;
import io.hybridllm.cost.Calls;
import io.hybridllm.cost.config.PolicyInForce;
import io.hybridllm.cost.usage.UsageRepository;
import io.hybridllm.cost.usage.UsageRow;
import io.hybridllm.policy.PolicyLoader;
import io.hybridllm.testkit.kafka.KafkaProbe;
import io.hybridllm.testkit.quarkus.KafkaTestResource;
import io.hybridllm.testkit.quarkus.PostgresTestResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Usage is priced through the policy in force, as the operator names providers: {@code claude} (kind anthropic) at the
 * catalogue's anthropic prices, then at its {@code [cost.providers.claude]} once a policy published on
 * {@code llm.control} sets them, and as a monthly fee once that policy makes it a subscription. The publication is
 * withdrawn afterwards, so the other tests of the JVM keep the file policy.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "cost"))
class PolicyPricesTest {

    private static final KafkaProbe kafka = KafkaProbe.shared();
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String SONNET = "claude-3-5-sonnet-20241022";
    /** The test profile's file policy, with the seed's provider named by what it is, not by its kind. */
    private static final String CLAUDE = """
            [cost]
            monthly_budget_usd = 1000000.0
            [providers.claude]
            kind = "anthropic"
            model = "claude-3-5-sonnet-20241022"
            """;

    @Inject
    PolicyInForce policy;

    @Inject
    UsageRepository usage;

    @Inject
    EntityManager entityManager;

    @AfterEach
    void withdraw() {
        publish(null);
        await().atMost(WAIT).until(() -> !policy.current().providers().containsKey("claude"));
    }

    @Test
    void aProviderIsPricedByItsKindThenByItsCostProvidersAsThePolicyChanges() {
        publish(CLAUDE);
        // anthropic's sonnet: 1000 * $3 + 1000 * $15 per 1M = 0.018, under the operator's name.
        UsageRow byKind = record(Calls.of(Calls.uniqueTenant("kind"), "claude", SONNET).tokens(1_000, 1_000));
        assertThat(byKind.provider).isEqualTo("claude");
        assertThat(byKind.priced).isTrue();
        assertThat(byKind.costUsd).isEqualByComparingTo("0.018");
        assertThat(budgetSpend(byKind.tenant)).isEqualByComparingTo("0.018");
        assertThat(byKind.priceVersion).isEqualTo("2026-11-01");

        String overridden = CLAUDE + """
                [cost.providers.claude]
                input_cost_per_1m_tokens = 1.00
                output_cost_per_1m_tokens = 2.00
                """;
        String version = publish(overridden);
        // Every model of claude at $1 in and $2 out, one the catalogue does not list too: 0.001 + 0.002.
        UsageRow byPolicy = record(Calls.of(Calls.uniqueTenant("override"), "claude", SONNET).tokens(1_000, 1_000));
        UsageRow unlisted = record(Calls.of(byPolicy.tenant, "claude", "claude-9").tokens(1_000, 1_000));
        assertThat(byPolicy.costUsd).isEqualByComparingTo("0.003");
        assertThat(unlisted.priced).isTrue();
        assertThat(unlisted.costUsd).isEqualByComparingTo("0.003");
        assertThat(budgetSpend(byPolicy.tenant)).isEqualByComparingTo("0.006");
        assertThat(byPolicy.priceVersion).isEqualTo("2026-11-01 with [cost.providers] of policy " + version);
        // The earlier call keeps the price it was recorded with.
        assertThat(row(byKind.eventId).costUsd).isEqualByComparingTo("0.018");
    }

    @Test
    void aSubscriptionOverrideIsAMonthlyFeeInTheSavingsReport() {
        publish(CLAUDE + """
                [cost.providers.claude]
                pricing_model = "subscription"
                monthly_cost = 20.00
                """);
        Instant hour = Instant.parse("2009-03-01T00:00:00Z"); // the tenant alone is this test's
        String tenant = Calls.uniqueTenant("subscribed");
        UsageRow call = record(Calls.of(tenant, "claude", SONNET).tokens(1_000, 1_000).at(hour.plusSeconds(5)));
        assertThat(call.priced).isTrue();
        assertThat(call.costUsd).isZero();

        JsonNode report = read(
                given().get("/v1/costs/savings?tenant=" + tenant + "&from=" + hour + "&to=" + hour.plusSeconds(3_600))
                        .then().statusCode(200).extract().asString());

        // An hour of a $20 month: 20 * 3600 / 2629746 = 0.027379.
        assertThat(report.at("/subscriptions_usd").decimalValue()).isEqualByComparingTo("0.027379");
        assertThat(report.at("/unpriced_requests").asLong()).isZero();
    }

    /** Sends the call to {@code llm.usage} and waits for its row. */
    private UsageRow record(Calls call) {
        call.sendTo(kafka);
        return await().atMost(WAIT).until(() -> row(call.eventId()), row -> row != null);
    }

    /** What the tenant's budgets counted this period: the same figure as the rows, or the budget would drift. */
    private BigDecimal budgetSpend(String tenant) {
        return QuarkusTransaction.requiringNew()
                .call(() -> (BigDecimal) entityManager
                        .createNativeQuery("select max(spend_usd) from budget_spend where scope = :scope")
                        .setParameter("scope", "tenant:" + tenant).getSingleResult());
    }

    private UsageRow row(String eventId) {
        return QuarkusTransaction.requiringNew().call(() -> usage.findById(eventId));
    }

    /**
     * Publishes a policy as the router's PUT /v1/policy does (or withdraws it, {@code toml} null) and waits until it is
     * in force; returns its version.
     */
    private String publish(String toml) {
        String version = toml == null ? "withdrawn" : PolicyLoader.fromText(toml, "test").policy().version();
        ControlEvent.PolicyChange change = new ControlEvent.PolicyChange(SchemaVersion.CURRENT,
                UUID.randomUUID().toString(), "policy", version, null, toml, "PolicyPricesTest", List.of(),
                Instant.now());
        kafka.send(change.topic(), change.scope(), Json.write(change));
        if (toml != null) {
            await().atMost(WAIT).until(() -> policy.current().version().equals(version));
        }
        return version;
    }

    private static JsonNode read(String body) {
        try {
            return new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).readTree(body);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
