package io.hybridllm.cost.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.hybridllm.contracts.SchemaVersion;
import io.hybridllm.contracts.TenantKey;
import io.hybridllm.contracts.Topics;
import io.hybridllm.contracts.http.Problem;
import io.hybridllm.contracts.json.Json;
import io.hybridllm.cost.Calls;
import io.hybridllm.testkit.kafka.KafkaProbe;
import io.hybridllm.testkit.quarkus.KafkaTestResource;
import io.hybridllm.testkit.quarkus.PostgresTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * Reports closed by default: a tenant's key (learnt from llm.tenant-keys, hashes only) reads its own spend and no
 * other's, the admin token reads everyone's, and nothing is read without one.
 */
@QuarkusTest
@TestProfile(ReportScopingTest.Keys.class)
@WithTestResource(KafkaTestResource.class)
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "cost"))
class ReportScopingTest {

    public static class Keys implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("hybrid.cost.reports.auth", "keys");
        }
    }

    private static final KafkaProbe kafka = KafkaProbe.shared();

    @Test
    void aTenantsKeyReadsItsOwnSpendAndNoOneElses() {
        String acme = Calls.uniqueTenant("scoped-acme");
        String globex = Calls.uniqueTenant("scoped-globex");
        String acmeKey = announce(acme);
        Calls.of(acme, "openai", "gpt-4o-mini").tokens(1_000, 1_000).sendTo(kafka);
        Calls.of(globex, "openai", "gpt-4o-mini").tokens(2_000, 1_000).sendTo(kafka);

        JsonNode own = await().atMost(Duration.ofSeconds(30)).until(() -> summary(acmeKey),
                summary -> summary != null && summary.at("/total/calls").asLong() == 1);
        assertThat(own.at("/tenant").asText()).isEqualTo(acme);

        given().header("Authorization", "Bearer " + acmeKey).get("/v1/costs/summary?tenant=" + globex).then()
                .statusCode(403).contentType(Problem.MEDIA_TYPE);
        given().header("Authorization", "Bearer " + acmeKey).get("/v1/costs/alerts").then().statusCode(200);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> given().header("Authorization", "Bearer test-admin-token")
                        .get("/v1/costs/summary?tenant=" + globex).then().extract().path("total.calls"),
                        calls -> calls instanceof Number number && number.longValue() == 1);
    }

    @Test
    void withoutAKeyOrWithARevokedOneNothingIsRead() {
        given().get("/v1/costs/summary").then().statusCode(401).header("WWW-Authenticate", "Bearer")
                .contentType(Problem.MEDIA_TYPE);
        given().get("/v1/costs/budgets").then().statusCode(401);
        given().header("Authorization", "Bearer hyb_nobody-knows-this-key").get("/v1/costs/savings").then()
                .statusCode(401).body("title", equalTo("Unknown key"));

        String tenant = Calls.uniqueTenant("scoped-revoked");
        String key = announce(tenant);
        await().atMost(Duration.ofSeconds(10)).until(
                () -> given().header("Authorization", "Bearer " + key).get("/v1/costs/budgets").statusCode(),
                status -> status == 200);
        kafka.send(Topics.TENANT_KEYS, TenantKey.hashOf(key),
                Json.write(new TenantKey(SchemaVersion.CURRENT, TenantKey.hashOf(key), tenant, true, Instant.now())));
        await().atMost(Duration.ofSeconds(10)).until(
                () -> given().header("Authorization", "Bearer " + key).get("/v1/costs/budgets").statusCode(),
                status -> status == 401);
    }

    /** A key of {@code tenant} as ingest announces it; returns the key. */
    private static String announce(String tenant) {
        String key = "hyb_" + tenant + "-" + System.nanoTime();
        kafka.send(Topics.TENANT_KEYS, TenantKey.hashOf(key),
                Json.write(new TenantKey(SchemaVersion.CURRENT, TenantKey.hashOf(key), tenant, false, Instant.now())));
        return key;
    }

    private static JsonNode summary(String key) {
        var response = given().header("Authorization", "Bearer " + key).get("/v1/costs/summary").then().extract();
        return response.statusCode() == 200 ? Summaries.read(response.asString()) : null;
    }
}
