package io.hybridllm.cost.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.hybridllm.contracts.SchemaVersion;
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
 * A request the router answered from the response cache costs nothing and saved what the call it reused costs: 2000
 * prompt and 1000 completion tokens of openai/gpt-4o-mini at $0.15 and $0.60 per 1M are $0.0009.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "cost"))
class CacheSavingsTest {

    private static final KafkaProbe kafka = KafkaProbe.shared();

    @Test
    void aCacheHitIsFreeAndCountedAsSaved() {
        Instant hour = Instant.parse("2009-06-01T10:00:00Z").plusSeconds(3_600L * (System.nanoTime() % 5_000));
        String tenant = Calls.uniqueTenant("cache");
        Calls original = Calls.of(tenant, "openai", "gpt-4o-mini").request("paid-" + tenant).tokens(2_000, 1_000)
                .at(hour.plusSeconds(10)).sendTo(kafka);
        UsageEvent paid = original.event();
        UsageEvent hit = new UsageEvent(SchemaVersion.CURRENT, "hit-" + tenant, "hit-" + tenant, tenant, null,
                paid.taskType(), paid.tier(), paid.provider(), paid.model(), paid.usage(), null, 0, paid.outcome(),
                null, hour.plusSeconds(20), null, paid.requestId());
        kafka.send(Topics.USAGE, tenant, Json.write(hit));
        String range = "tenant=" + tenant + "&from=" + hour + "&to=" + hour.plusSeconds(3_600);
        Summaries.awaitCalls(range, 2);

        JsonNode report = Summaries
                .read(given().get("/v1/costs/savings?" + range).then().statusCode(200).extract().asString());
        assertThat(report.at("/cache/hits").asLong()).isOne();
        assertThat(report.at("/cache/saved_usd").decimalValue()).isEqualByComparingTo("0.0009");
        assertThat(report.at("/cache/unpriced_hits").asLong()).isZero();
        assertThat(report.at("/total/actual_usd").decimalValue()).as("the hit cost nothing")
                .isEqualByComparingTo("0.0009");
        assertThat(report.at("/total/requests").asLong()).isEqualTo(2);
    }
}
