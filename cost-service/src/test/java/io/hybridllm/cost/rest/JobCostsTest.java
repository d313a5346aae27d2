package io.hybridllm.cost.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

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

/** {@code job_id} is a dimension of the reports: grouped by, and filtered on, in the summary and the savings. */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "cost"))
class JobCostsTest {

    private static final KafkaProbe kafka = KafkaProbe.shared();

    private static void send(Calls calls, String jobId) {
        UsageEvent e = calls.event();
        UsageEvent withJob = new UsageEvent(e.schemaVersion(), e.eventId(), e.requestId(), e.tenant(), jobId,
                e.taskType(), e.tier(), e.provider(), e.model(), e.usage(), e.costUsd(), e.latencyMs(), e.outcome(),
                e.errorCode(), e.occurredAt());
        kafka.send(Topics.USAGE, e.tenant(), Json.write(withJob));
    }

    @Test
    void aJobsSpendByTierProviderAndModelAndItsSavings() {
        String tenant = Calls.uniqueTenant("jobs");
        send(Calls.of(tenant, "openai", "gpt-4o-mini").tokens(1_000, 1_000), "nightly-1"); // $0.00075
        send(Calls.of(tenant, "ollama", "llama3.2:1b").tokens(100, 50), "nightly-1"); // free
        send(Calls.of(tenant, "openai", "gpt-4o-mini").tokens(2_000, 500), "other-job"); // $0.0006

        Summaries.awaitCalls("tenant=" + tenant, 3);
        JsonNode job = Summaries.get("tenant=" + tenant + "&job_id=nightly-1&group_by=tier,provider,model");

        assertThat(job.at("/total/calls").asLong()).isEqualTo(2);
        assertThat(job.at("/total/cost_usd").decimalValue()).isEqualByComparingTo("0.00075");
        assertThat(job.at("/groups")).extracting(g -> g.at("/tier").asText() + " " + g.at("/provider").asText())
                .containsExactly("cloud openai", "local-fast ollama");

        JsonNode perJob = Summaries.get("tenant=" + tenant + "&group_by=job_id");
        assertThat(perJob.at("/groups")).extracting(g -> g.at("/job_id").asText()).containsExactly("nightly-1",
                "other-job");
        assertThat(given().get("/v1/costs/summary?format=csv&group_by=job_id&tenant=" + tenant).then().statusCode(200)
                .extract().asString()).startsWith("job_id,").contains("nightly-1,", "other-job,");

        JsonNode savings = Summaries.read(given().get("/v1/costs/savings?tenant=" + tenant + "&job_id=nightly-1").then()
                .statusCode(200).extract().asString());
        assertThat(savings.at("/total/requests").asLong()).isEqualTo(2);
        assertThat(savings.at("/total/actual_usd").decimalValue()).isEqualByComparingTo("0.00075");
    }
}
