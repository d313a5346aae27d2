package io.hybridllm.ingest.tenants;

import static io.hybridllm.ingest.support.Pipeline.KAFKA;
import static io.hybridllm.ingest.support.Pipeline.WAIT;
import static io.hybridllm.ingest.tenants.Admin.admin;
import static io.hybridllm.ingest.tenants.Admin.as;
import static io.hybridllm.ingest.tenants.Admin.submit;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.hybridllm.contracts.AuditEvent;
import io.hybridllm.contracts.Topics;
import io.hybridllm.contracts.json.Json;
import io.hybridllm.testkit.quarkus.KafkaTestResource;
import io.hybridllm.testkit.quarkus.PostgresTestResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/** Tenants and keys are made by an admin, keys are shown once and stored hashed, and every change is audited. */
@QuarkusTest
@TestProfile(KeysProfile.class)
@WithTestResource(KafkaTestResource.class)
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "ingest_keys"))
class AdminApiTest {

    @Test
    void aKeyIsShownOnceStoredHashedWorksUntilRevokedAndEveryStepIsAudited() {
        admin().contentType(ContentType.JSON).body("{\"id\":\"acme-corp\",\"name\":\"Acme Corp\"}")
                .post("/v1/admin/tenants").then().statusCode(201).body("name", equalTo("Acme Corp"))
                .body("keys", hasSize(0));
        var issued = admin().contentType(ContentType.JSON).body("{\"label\":\"ci\"}")
                .post("/v1/admin/tenants/acme-corp/keys").then().statusCode(201).header("Cache-Control", "no-store")
                .extract();
        String key = issued.path("key");
        String keyId = issued.path("id");
        assertThat(key).startsWith("hyb_").hasSizeGreaterThan(40);

        admin().get("/v1/admin/tenants/acme-corp").then().statusCode(200).body("keys[0].id", equalTo(keyId))
                .body("keys[0].prefix", equalTo(key.substring(0, 10))).body("keys[0].key", nullValue());
        String stored = QuarkusTransaction.requiringNew()
                .call(() -> ApiKeyRecord.<ApiKeyRecord> findById(keyId).keySha256);
        assertThat(stored).isEqualTo(ApiKeys.sha256(key)).doesNotContain(key.substring(4));

        // The submission's lookup left the key in this replica's cache: the revocation forgets it at once.
        String id = submit(key, "hello");
        admin().delete("/v1/admin/tenants/acme-corp/keys/" + keyId).then().statusCode(200).body("revoked_at",
                notNullValue());
        as(key).get("/v1/requests/" + id).then().statusCode(401);

        List<ConsumerRecord<String, String>> audited = KAFKA.awaitAll(Topics.AUDIT,
                record -> "tenant:acme-corp".equals(record.key()), 3, WAIT);
        assertThat(audited).extracting(record -> Json.read(record.value(), AuditEvent.class).action()).containsExactly(
                AuditEvent.Action.TENANT_CREATED, AuditEvent.Action.KEY_CREATED, AuditEvent.Action.KEY_REVOKED);
        assertThat(audited).allSatisfy(record -> {
            assertThat(record.value()).doesNotContain(key);
            assertThat(Json.read(record.value(), AuditEvent.class).actor()).isEqualTo("ops@example.org");
        });
    }

    @Test
    void theAdminApiNeedsTheAdminTokenAndRefusalsAreAudited() {
        given().contentType(ContentType.JSON).body("{\"id\":\"mallory\"}").post("/v1/admin/tenants").then()
                .statusCode(401);
        given().header("Authorization", "Bearer not-the-token").get("/v1/admin/tenants").then().statusCode(401);
        AuditEvent denied = Json.read(
                KAFKA.await(Topics.AUDIT, record -> "admin-api".equals(record.key()), WAIT).value(), AuditEvent.class);
        assertThat(denied.action()).isEqualTo(AuditEvent.Action.ADMIN_DENIED);
        admin().get("/v1/admin/tenants/mallory").then().statusCode(404);
    }

    @Test
    void tenantsAreValidatedAndUnique() {
        admin().contentType(ContentType.JSON).body("{\"id\":\"bad id\"}").post("/v1/admin/tenants").then()
                .statusCode(400).body("field", equalTo("id"));
        admin().contentType(ContentType.JSON).body("{\"id\":\"dup\",\"rate\":5}").post("/v1/admin/tenants").then()
                .statusCode(400).body("field", equalTo("rate"));
        admin().contentType(ContentType.JSON).body("{\"id\":\"dup\"}").post("/v1/admin/tenants").then().statusCode(201);
        admin().contentType(ContentType.JSON).body("{\"id\":\"dup\"}").post("/v1/admin/tenants").then().statusCode(409);
        admin().post("/v1/admin/tenants/nobody/keys").then().statusCode(404);
    }
}
