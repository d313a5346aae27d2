package io.hybridllm.router.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.hybridllm.contracts.AuditEvent;
import io.hybridllm.contracts.ControlEvent;
import io.hybridllm.contracts.Topics;
import io.hybridllm.contracts.http.Problem;
import io.hybridllm.contracts.json.Json;
import io.hybridllm.testkit.kafka.KafkaProbe;
import io.hybridllm.testkit.quarkus.KafkaTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/**
 * A policy put over HTTP is validated, published on the control topic, audited on the audit topic, and applied from
 * there; withdrawn, the router goes back to its files. Refusals are audited too.
 */
@QuarkusTest
@TestProfile(PolicyPublishTest.Admin.class)
@WithTestResource(KafkaTestResource.class)
class PolicyPublishTest {

    public static class Admin implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("hybrid.admin.token", "test-admin-token");
        }
    }

    private static final KafkaProbe kafka = KafkaProbe.shared();

    private static byte[] toml(String text) {
        return text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    private static String explainedVersion() {
        return given().contentType(ContentType.JSON).header("Authorization", "Bearer test-admin-token")
                .body("{\"messages\":[{\"role\":\"user\",\"content\":\"What is 2+2?\"}]}").when()
                .post("/v1/route/explain").then().statusCode(200).extract().path("policy_version");
    }

    /**
     * The control topic is the real one: a policy a failed test left published would rule the other tests' routers,
     * which read the topic from its start, so each test ends with the files' policy back in force.
     */
    @AfterEach
    void withdraw() {
        given().header("Authorization", "Bearer test-admin-token").when().delete("/v1/policy");
    }

    @Test
    void onlyTheAdminMayChangeThePolicy() {
        given().contentType("application/toml").body(toml("[ai]\nmode = \"api-heavy\"\n")).when().put("/v1/policy")
                .then().statusCode(401).contentType(Problem.MEDIA_TYPE);
        given().contentType("application/toml").header("Authorization", "Bearer guess").body(toml("")).when()
                .put("/v1/policy").then().statusCode(401);
    }

    @Test
    void anInvalidPolicyIsRefusedAndTheOldOneKeepsRouting() {
        String before = explainedVersion();
        given().contentType("application/toml").header("Authorization", "Bearer test-admin-token")
                .body(toml("[ai]\nmode = \"frugal\"\n")).when().put("/v1/policy").then().statusCode(422)
                .contentType(Problem.MEDIA_TYPE).body("detail", containsString("PUT /v1/policy: ai.mode: is 'frugal'"));
        assertThat(explainedVersion()).isEqualTo(before);

        AuditEvent refused = audited(AuditEvent.Action.POLICY_REFUSED, "admin");
        assertThat(refused.previousVersion()).isEqualTo(before);
        assertThat(refused.detail()).contains("ai.mode: is 'frugal'");
        assertThat(refused.origin()).startsWith("PUT /v1/policy on router-service@");
    }

    @Test
    void aPublishedKeyWithoutAnEffectIsNamedInTheAnswer() {
        given().contentType("application/toml").header("Authorization", "Bearer test-admin-token")
                .body(toml("version = \"pub-warned\"\n[cost]\ntrack_usage = false\n")).when().put("/v1/policy").then()
                .statusCode(202).body("warnings[0]", containsString(
                        "PUT /v1/policy: cost.track_usage: has no" + " effect: usage is always recorded"));
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(50))
                .untilAsserted(() -> assertThat(explainedVersion()).isEqualTo("pub-warned"));
        given().header("Authorization", "Bearer test-admin-token").when().delete("/v1/policy").then().statusCode(202);
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(50))
                .untilAsserted(() -> assertThat(explainedVersion()).startsWith("sha256:"));
    }

    @Test
    void aValidPolicyIsPublishedWithItsAuditAndAppliedWithinASecond() {
        given().contentType("application/toml").header("Authorization", "Bearer test-admin-token")
                .header("X-Changed-By", "ops@example.org")
                .body(toml("version = \"pub-1\"\n[ai]\nmode = \"api-heavy\"\n")).when().put("/v1/policy").then()
                .statusCode(202).body("version", equalTo("pub-1")).body("changed_keys[0]", equalTo("ai.mode"));

        ControlEvent.PolicyChange change = (ControlEvent.PolicyChange) Json.read(kafka.await(Topics.CONTROL_POLICY,
                record -> "policy".equals(record.key()) && record.value().contains("\"pub-1\""), Duration.ofSeconds(10))
                .value(), ControlEvent.class);
        assertThat(change.version()).isEqualTo("pub-1");
        assertThat(change.changedBy()).isEqualTo("ops@example.org");
        assertThat(change.previousVersion()).startsWith("sha256:");
        AuditEvent published = audited(AuditEvent.Action.POLICY_PUBLISHED, "ops@example.org");
        assertThat(published.version()).isEqualTo("pub-1");
        assertThat(published.previousVersion()).isEqualTo(change.previousVersion());
        assertThat(published.changedKeys()).containsExactly("ai.mode");

        await().atMost(Duration.ofSeconds(1)).pollInterval(Duration.ofMillis(50))
                .untilAsserted(() -> assertThat(explainedVersion()).isEqualTo("pub-1"));
        given().when().get("/v1/policy").then().statusCode(200).body("version", equalTo("pub-1"))
                .body("mode", equalTo("api-heavy")).body("sources[1]", startsWith("published pub-1 by ops@"));

        given().header("Authorization", "Bearer test-admin-token").header("X-Changed-By", "ops@example.org").when()
                .delete("/v1/policy").then().statusCode(202).body("withdrawn", equalTo("pub-1"));
        await().atMost(Duration.ofSeconds(1)).pollInterval(Duration.ofMillis(50))
                .untilAsserted(() -> assertThat(explainedVersion()).startsWith("sha256:"));
        assertThat(audited(AuditEvent.Action.POLICY_WITHDRAWN, "ops@example.org").previousVersion()).isEqualTo("pub-1");
    }

    /** The audit event of this test's change: the audit topic is shared with the other tests. */
    private static AuditEvent audited(AuditEvent.Action action, String actor) {
        return Json.read(kafka.await(Topics.AUDIT, record -> {
            AuditEvent event = Json.read(record.value(), AuditEvent.class);
            return event.action() == action && event.actor().equals(actor);
        }, Duration.ofSeconds(10)).value(), AuditEvent.class);
    }
}
