package io.hybridllm.cost.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.hybridllm.contracts.Attempt.Outcome;
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
class CostSummaryTest {

    private static final KafkaProbe kafka = KafkaProbe.shared();

    @Test
    void spendThisMonthPerProviderAndModel() {
        String tenant = Calls.uniqueTenant("by-model");
        // Request r1 failed once on gpt-4o-mini and then succeeded there: two calls, one request.
        Calls.of(tenant, "openai", "gpt-4o-mini").request("r1").tokens(0, 0).outcome(Outcome.FAILED).sendTo(kafka);
        Calls.of(tenant, "openai", "gpt-4o-mini").request("r1").tokens(1_000, 1_000).sendTo(kafka); // $0.00075
        Calls.of(tenant, "openai", "gpt-4o-mini").request("r2").tokens(2_000, 500).sendTo(kafka); // $0.0006
        Calls.of(tenant, "ollama", "llama3.2:1b").request("r3").tokens(100, 50).sendTo(kafka); // free
        Calls.of(tenant, "openai", "gpt-unknown").request("r4").tokens(100, 50).sendTo(kafka); // unpriced

        JsonNode summary = Summaries.awaitCalls("tenant=" + tenant, 5);

        assertThat(summary.at("/group_by").toString()).isEqualTo("[\"provider\",\"model\"]");
        assertThat(summary.at("/currency").asText()).isEqualTo("USD");
        assertThat(summary.at("/price_version").asText()).isEqualTo("2026-11-01");
        assertThat(summary.at("/tenant").asText()).isEqualTo(tenant);
        assertThat(Instant.parse(summary.at("/from").asText()).toString()).endsWith("-01T00:00:00Z");
        assertThat(summary.at("/groups")).hasSize(3);

        JsonNode ollama = summary.at("/groups/0");
        assertThat(ollama.at("/provider").asText()).isEqualTo("ollama");
        assertThat(ollama.at("/model").asText()).isEqualTo("llama3.2:1b");
        assertThat(ollama.at("/cost_usd").decimalValue()).isZero();

        JsonNode mini = summary.at("/groups/1");
        assertThat(mini.at("/model").asText()).isEqualTo("gpt-4o-mini");
        assertThat(mini.at("/calls").asLong()).isEqualTo(3);
        assertThat(mini.at("/requests").asLong()).isEqualTo(2);
        assertThat(mini.at("/calls_failed").asLong()).isEqualTo(1);
        assertThat(mini.at("/prompt_tokens").asLong()).isEqualTo(3_000);
        assertThat(mini.at("/completion_tokens").asLong()).isEqualTo(1_500);
        assertThat(mini.at("/cost_usd").decimalValue()).isEqualByComparingTo("0.00135");
        assertThat(mini.at("/unpriced_calls").asLong()).isZero();

        JsonNode unknown = summary.at("/groups/2");
        assertThat(unknown.at("/model").asText()).isEqualTo("gpt-unknown");
        assertThat(unknown.at("/unpriced_calls").asLong()).isEqualTo(1);
        assertThat(unknown.at("/cost_usd").decimalValue()).isZero();

        JsonNode total = summary.at("/total");
        assertThat(total.at("/calls").asLong()).isEqualTo(5);
        assertThat(total.at("/requests").asLong()).isEqualTo(4);
        assertThat(total.at("/calls_failed").asLong()).isEqualTo(1);
        assertThat(total.at("/prompt_tokens").asLong()).isEqualTo(3_200);
        assertThat(total.at("/completion_tokens").asLong()).isEqualTo(1_600);
        assertThat(total.at("/cost_usd").decimalValue()).isEqualByComparingTo("0.00135");
        assertThat(total.at("/unpriced_calls").asLong()).isEqualTo(1);
    }

    @Test
    void spendPerTenantInATimeRange() {
        // An hour of the 2000s that no other test writes to: the range alone isolates this test's usage.
        Instant hour = Instant.parse("2000-01-01T00:00:00Z")
                .plus(Duration.ofHours(ThreadLocalRandom.current().nextInt(24 * 365 * 9)));
        String big = Calls.uniqueTenant("a-big");
        String small = Calls.uniqueTenant("b-small");
        Calls.of(big, "openai", "gpt-4o").tokens(1_000_000, 100_000).at(hour.plusSeconds(60)).sendTo(kafka); // $3.5
        Calls.of(big, "anthropic", "claude-3-5-sonnet-20241022").tokens(1_000, 0).at(hour.plusSeconds(120))
                .sendTo(kafka); // $0.003
        // The next hour, sent first: it is processed before the call counted below, so the range must exclude it.
        Calls.of(small, "openai", "gpt-4o-mini").at(hour.plusSeconds(3_600)).sendTo(kafka);
        Calls.of(small, "openai", "gpt-4o-mini").tokens(1_000, 0).at(hour.plusSeconds(3_599)).sendTo(kafka); // $0.00015

        String query = "group_by=tenant&from=" + hour + "&to=" + hour.plusSeconds(3_600);
        JsonNode summary = Summaries.awaitCalls(query, 3);

        assertThat(summary.at("/group_by").toString()).isEqualTo("[\"tenant\"]");
        assertThat(summary.at("/groups")).hasSize(2);
        assertThat(summary.at("/groups/0/tenant").asText()).isEqualTo(big);
        assertThat(summary.at("/groups/0/calls").asLong()).isEqualTo(2);
        assertThat(summary.at("/groups/0/cost_usd").decimalValue()).isEqualByComparingTo("3.503");
        assertThat(summary.at("/groups/0").has("provider")).isFalse();
        assertThat(summary.at("/groups/1/tenant").asText()).isEqualTo(small);
        assertThat(summary.at("/groups/1/cost_usd").decimalValue()).isEqualByComparingTo("0.00015");
        assertThat(summary.at("/total/cost_usd").decimalValue()).isEqualByComparingTo("3.50315");
    }

    @Test
    void spendPerUtcDayWithAnInclusiveEndDate() {
        String tenant = Calls.uniqueTenant("by-day");
        Calls.of(tenant, "openai", "gpt-4o-mini").tokens(1_000_000, 0).at(Instant.parse("2012-05-01T23:59:59Z"))
                .sendTo(kafka);
        Calls.of(tenant, "openai", "gpt-4o-mini").tokens(0, 1_000_000).at(Instant.parse("2012-05-02T00:00:00Z"))
                .sendTo(kafka);
        Calls.of(tenant, "ollama", "llama3.1:8b").at(Instant.parse("2012-05-02T23:59:59.999Z")).sendTo(kafka);
        Calls.of(tenant, "openai", "gpt-4o-mini").at(Instant.parse("2012-05-03T00:00:00Z")).sendTo(kafka);
        Calls.of(tenant, "openai", "gpt-4o-mini").at(Instant.parse("2012-04-30T23:59:59Z")).sendTo(kafka);

        Summaries.awaitCalls("tenant=" + tenant + "&from=2012-01-01&to=2012-12-31", 5);
        JsonNode summary = Summaries.get("tenant=" + tenant + "&group_by=day,provider&from=2012-05-01&to=2012-05-02");

        assertThat(summary.at("/from").asText()).isEqualTo("2012-05-01T00:00:00Z");
        assertThat(summary.at("/to").asText()).isEqualTo("2012-05-03T00:00:00Z");
        assertThat(summary.at("/groups")).hasSize(3);
        assertThat(summary.at("/groups/0/day").asText()).isEqualTo("2012-05-01");
        assertThat(summary.at("/groups/0/cost_usd").decimalValue()).isEqualByComparingTo("0.15");
        assertThat(summary.at("/groups/1/day").asText()).isEqualTo("2012-05-02");
        assertThat(summary.at("/groups/1/provider").asText()).isEqualTo("ollama");
        assertThat(summary.at("/groups/2/day").asText()).isEqualTo("2012-05-02");
        assertThat(summary.at("/groups/2/provider").asText()).isEqualTo("openai");
        assertThat(summary.at("/groups/2/cost_usd").decimalValue()).isEqualByComparingTo("0.6");
        assertThat(summary.at("/total/calls").asLong()).isEqualTo(3);
    }

    @Test
    void aRangeWithoutUsageHasNoGroupsAndZeroTotals() {
        JsonNode summary = Summaries.get("tenant=" + Calls.uniqueTenant("nobody") + "&group_by=tier,task_type");

        assertThat(summary.at("/groups")).isEmpty();
        assertThat(summary.at("/total/calls").asLong()).isZero();
        assertThat(summary.at("/total/cost_usd").decimalValue()).isZero();
    }
}
