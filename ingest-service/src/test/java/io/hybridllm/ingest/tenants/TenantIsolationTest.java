package io.hybridllm.ingest.tenants;

import static io.hybridllm.ingest.tenants.Admin.as;
import static io.hybridllm.ingest.tenants.Admin.submit;
import static io.hybridllm.ingest.tenants.Admin.tenantWithKey;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;

import io.hybridllm.contracts.http.Problem;
import io.hybridllm.testkit.quarkus.KafkaTestResource;
import io.hybridllm.testkit.quarkus.PostgresTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/** With keys, the tenant is the key's; a tenant sees only its own requests, and limits hold. */
@QuarkusTest
@TestProfile(KeysProfile.class)
@WithTestResource(KafkaTestResource.class)
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "ingest_keys"))
class TenantIsolationTest {

    @Test
    void anotherTenantsRequestIsNotFound() {
        String initech = tenantWithKey("initech", null);
        String umbrella = tenantWithKey("umbrella", null);
        String id = submit(initech, "mine");

        as(initech).get("/v1/requests/" + id).then().statusCode(200).body("tenant", equalTo("initech"));
        as(umbrella).get("/v1/requests/" + id).then().statusCode(404).contentType(Problem.MEDIA_TYPE);
        as(umbrella).get("/v1/requests/" + id + "?wait=5s").then().statusCode(404);
        as(umbrella).delete("/v1/requests/" + id).then().statusCode(404);
        as(umbrella).contentType(ContentType.JSON).body("{\"score\": 0}").post("/v1/requests/" + id + "/feedback")
                .then().statusCode(404).contentType(Problem.MEDIA_TYPE);
        as(initech).get("/v1/requests/" + id).then().body("status", equalTo("queued"));
    }

    @Test
    void theTenantComesFromTheKeyNotTheBody() {
        String hooli = tenantWithKey("hooli", null);
        as(hooli).contentType(ContentType.JSON)
                .body("{\"tenant\":\"piedpiper\",\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}")
                .post("/v1/requests").then().statusCode(400).body("field", equalTo("tenant"));
        String id = as(hooli).contentType(ContentType.JSON)
                .body("{\"tenant\":\"hooli\",\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}")
                .post("/v1/requests").then().statusCode(202).extract().path("id");
        as(hooli).get("/v1/requests/" + id).then().body("tenant", equalTo("hooli"));
    }

    @Test
    void withoutAKnownKeyEveryTenantCallIs401() {
        given().contentType(ContentType.JSON).body("{\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}")
                .post("/v1/requests").then().statusCode(401).header("WWW-Authenticate", "Bearer")
                .contentType(Problem.MEDIA_TYPE);
        as("hyb_not-a-key").get("/v1/requests/anything").then().statusCode(401);
        given().header("Authorization", "Basic dXNlcjpwYXNz").get("/v1/requests/anything").then().statusCode(401);
    }

    @Test
    void aTenantOverItsRateIsToldWhenToComeBack() {
        String slow = tenantWithKey("slowco", 2);
        submit(slow, "one");
        submit(slow, "two");
        as(slow).contentType(ContentType.JSON).body("{\"messages\":[{\"role\":\"user\",\"content\":\"three\"}]}")
                .post("/v1/requests").then().statusCode(429).header("Retry-After", equalTo("30"))
                .contentType(Problem.MEDIA_TYPE);
    }

    @Test
    void aBodyOverTheLimitIs413() {
        String big = tenantWithKey("bigco", null);
        as(big).contentType(ContentType.JSON)
                .body("{\"messages\":[{\"role\":\"user\",\"content\":\"" + "x".repeat(3000) + "\"}]}")
                .post("/v1/requests").then().statusCode(413).contentType(Problem.MEDIA_TYPE);
    }
}
