package io.hybridllm.router.control;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.hybridllm.contracts.ControlEvent;
import io.hybridllm.contracts.SchemaVersion;
import io.hybridllm.contracts.Topics;
import io.hybridllm.contracts.json.Json;
import io.hybridllm.testkit.kafka.KafkaProbe;
import io.hybridllm.testkit.quarkus.KafkaTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** A budget pause the cost service publishes changes how the tenant's new requests are routed within a second. */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
class BudgetSwitchTest {

    private static final KafkaProbe kafka = KafkaProbe.shared();
    private static final String TENANT = "budget-" + UUID.randomUUID();

    private static void switchMode(String tenant, String mode, String reason) {
        switchMode(tenant, mode, false, reason);
    }

    private static void switchMode(String tenant, String mode, boolean paused, String reason) {
        ControlEvent event = new ControlEvent.ModeSwitch(SchemaVersion.CURRENT, UUID.randomUUID().toString(),
                "tenant:" + tenant, mode, paused, reason, Instant.now());
        kafka.send(event.topic(), "tenant:" + tenant, Json.write(event));
    }

    private static io.restassured.response.ExtractableResponse<?> explainWithHint(String tenant, String provider) {
        return given().contentType(ContentType.JSON)
                .body("{\"tenant\":\"" + tenant + "\",\"task_type\":\"chat\",\"hints\":{\"provider\":\"" + provider
                        + "\"},\"messages\":[{\"role\":\"user\",\"content\":\"What is 2+2?\"}]}")
                .when().post("/v1/route/explain").then().statusCode(200).extract();
    }

    private static String tierFor(String tenant) {
        String prompt = "Analyze the architecture and refactor for concurrency and security, step by step: "
                + "```java\\nclass A {}\\n``` ".repeat(40);
        return given().contentType(ContentType.JSON)
                .body("{\"tenant\":\"" + tenant + "\",\"task_type\":\"refactor\",\"messages\":[{\"role\":\"user\","
                        + "\"content\":\"" + prompt + "\"}]}")
                .when().post("/v1/route/explain").then().statusCode(200).extract().path("tier");
    }

    /** Each test starts from an unpaused tenant: the resume is waited for, not merely sent. */
    @AfterEach
    void resume() {
        switchMode(TENANT, "hybrid", "budget reset");
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50))
                .untilAsserted(() -> assertThat(tierFor(TENANT)).isEqualTo("cloud"));
    }

    /** A switch on a topic that is not the cost service's (one a worker may write) changes nothing. */
    @Test
    void aModeSwitchOnAnotherKindsTopicIsRefused() {
        assertThat(tierFor(TENANT)).isEqualTo("cloud");
        ControlEvent forged = new ControlEvent.ModeSwitch(SchemaVersion.CURRENT, UUID.randomUUID().toString(),
                "tenant:" + TENANT, "ollama-only", true, "forged by a worker", Instant.now());
        kafka.send(Topics.CONTROL_HEALTH, forged.scope(), Json.write(forged));
        // A switch on its own topic is applied within a second (the tests below): this one must not be, for 2 s.
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(tierFor(TENANT)).isEqualTo("cloud"));
    }

    @Test
    void aPausedTenantGetsOnlyFreeTiersWithinASecondAndOthersAreUntouched() {
        assertThat(tierFor(TENANT)).isEqualTo("cloud");
        switchMode(TENANT, "ollama-only", "monthly budget at 95% (23.75 of 25.00 USD): paused");
        await().atMost(Duration.ofSeconds(1)).pollInterval(Duration.ofMillis(50))
                .untilAsserted(() -> assertThat(tierFor(TENANT)).isEqualTo("local-quality"));
        assertThat(tierFor("someone-else")).isEqualTo("cloud");
    }

    @Test
    void aPausedTenantPreferringAPaidProviderIsKeptLocalAndTheDecisionSaysWhy() {
        assertThat(explainWithHint(TENANT, "openai").<String> path("targets[0].provider")).isEqualTo("openai");
        switchMode(TENANT, "ollama-only", true, "monthly budget at 95% (23.75 of 25.00 USD)");
        await().atMost(Duration.ofSeconds(1)).pollInterval(Duration.ofMillis(50)).untilAsserted(() -> {
            var decision = explainWithHint(TENANT, "openai");
            assertThat(decision.<java.util.List<String>> path("targets.provider")).containsOnly("ollama");
            assertThat(decision.<String> path("rule")).contains("budget wall: budget paused (tenant:" + TENANT);
        });
    }
}
