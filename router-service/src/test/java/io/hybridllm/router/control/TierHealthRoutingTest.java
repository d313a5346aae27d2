package io.hybridllm.router.control;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.hybridllm.contracts.ControlEvent;
import io.hybridllm.contracts.ErrorInfo.ErrorCode;
import io.hybridllm.contracts.LlmReply;
import io.hybridllm.contracts.RequestHints;
import io.hybridllm.contracts.RoutedRequest;
import io.hybridllm.contracts.SchemaVersion;
import io.hybridllm.contracts.TaskType;
import io.hybridllm.contracts.Tier;
import io.hybridllm.contracts.Topics;
import io.hybridllm.contracts.json.Json;
import io.hybridllm.router.Prompts;
import io.hybridllm.testkit.kafka.KafkaProbe;
import io.hybridllm.testkit.quarkus.KafkaTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
@WithTestResource(KafkaTestResource.class)
class TierHealthRoutingTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final KafkaProbe kafka = KafkaProbe.shared();

    private static void report(Tier tier, boolean healthy) {
        ControlEvent event = new ControlEvent.TierHealth(SchemaVersion.CURRENT, UUID.randomUUID().toString(),
                "tier:" + tier.wireName(), tier, healthy, healthy ? "all backends answer" : "0 of 2 backends answer",
                Instant.now());
        kafka.send(event.topic(), "tier:" + tier.wireName(), Json.write(event));
    }

    /** Waits until the router has applied the reports: the explain endpoint routes a simple question as expected. */
    private static void awaitSimpleQuestionsGo(int status, String tier) {
        await().atMost(WAIT).untilAsserted(() -> {
            var response = given().contentType(ContentType.JSON)
                    .body("{\"messages\":[{\"role\":\"user\",\"content\":\"What is 2+2?\"}]}").when()
                    .post("/v1/route/explain").then().extract();
            assertThat(response.statusCode()).isEqualTo(status);
            if (tier != null) {
                assertThat(response.jsonPath().getString("tier")).isEqualTo(tier);
            }
        });
    }

    private static void sendSensitiveWhileLocalIsDown(String id, Instant deadline) {
        report(Tier.LOCAL_FAST, false);
        report(Tier.LOCAL_QUALITY, false);
        awaitSimpleQuestionsGo(200, "cloud");
        kafka.send(Topics.REQUESTS, id, Json.write(Prompts.request(id, TaskType.CHAT, Prompts.SIMPLE,
                new RequestHints(null, null, true, null, null, deadline, Map.of()))));
    }

    @AfterEach
    void everyTierRecovers() {
        for (Tier tier : Tier.values()) {
            report(tier, true);
        }
        awaitSimpleQuestionsGo(200, "local-fast");
    }

    @Test
    void anUnhealthyTierIsSkippedAndTheReasonSaysSo() {
        report(Tier.LOCAL_FAST, false);
        awaitSimpleQuestionsGo(200, "local-quality");

        kafka.send(Topics.REQUESTS, "health-skip-1",
                Json.write(Prompts.request("health-skip-1", TaskType.CHAT, Prompts.SIMPLE, RequestHints.NONE)));
        RoutedRequest routed = kafka.awaitMessage(Topics.TIER_LOCAL_QUALITY, "health-skip-1", RoutedRequest.class,
                WAIT);
        assertThat(routed.decision().rule()).contains("health: local-fast is unhealthy (0 of 2 backends answer")
                .endsWith("-> ollama/llama3.1:8b on local-quality");
    }

    @Test
    void aSensitiveRequestNeverReachesTheCloudWhenLocalIsDown() {
        report(Tier.LOCAL_FAST, false);
        report(Tier.LOCAL_QUALITY, false);
        awaitSimpleQuestionsGo(200, "cloud");

        String id = "health-sensitive-1";
        kafka.send(Topics.REQUESTS, id, Json.write(Prompts.request(id, TaskType.REFACTOR, Prompts.COMPLEX,
                new RequestHints(null, null, true, null, null, null, Map.of()))));
        LlmReply reply = kafka.awaitMessage(Topics.REPLIES, id, LlmReply.class, WAIT);
        assertThat(reply.status()).isEqualTo(LlmReply.Status.FAILED);
        assertThat(reply.error().code()).isEqualTo(ErrorCode.NO_PROVIDER);
        assertThat(reply.error().message()).contains("cloud not allowed, marked sensitive",
                "ollama on local-quality: tier unhealthy");
        assertThatThrownBy(() -> kafka.awaitKey(Topics.TIER_CLOUD, id, Duration.ofSeconds(3)))
                .isInstanceOf(AssertionError.class);
    }

    @Test
    void aRequestWithADeadlineIsHeldUntilATierItMayUseComesBack() {
        String id = "health-held-1";
        sendSensitiveWhileLocalIsDown(id, Instant.now().plusSeconds(60));
        assertThatThrownBy(() -> kafka.awaitKey(Topics.REPLIES, id, Duration.ofSeconds(3))).as("held, not failed")
                .isInstanceOf(AssertionError.class);

        report(Tier.LOCAL_QUALITY, true);
        RoutedRequest routed = kafka.awaitMessage(Topics.TIER_LOCAL_QUALITY, id, RoutedRequest.class, WAIT);
        assertThat(routed.decision().rule()).contains("privacy: marked sensitive, stays local",
                "health: local-fast is unhealthy");
        assertThatThrownBy(() -> kafka.awaitKey(Topics.TIER_CLOUD, id, Duration.ofSeconds(1)))
                .isInstanceOf(AssertionError.class);
    }

    @Test
    void aHeldRequestExpiresAtItsDeadlineWithTheReason() {
        String id = "health-held-2";
        Instant deadline = Instant.now().plusSeconds(2);
        sendSensitiveWhileLocalIsDown(id, deadline);
        LlmReply reply = kafka.awaitMessage(Topics.REPLIES, id, LlmReply.class, WAIT);
        assertThat(reply.status()).isEqualTo(LlmReply.Status.FAILED);
        assertThat(reply.error().code()).isEqualTo(ErrorCode.EXPIRED);
        assertThat(reply.error().message()).contains("for a usable tier until the deadline " + deadline,
                "ollama on local-quality: tier unhealthy");
        assertThat(reply.completedAt()).isAfterOrEqualTo(deadline);
    }

    @Test
    void withEveryTierDownExplainSaysWhy() {
        for (Tier tier : Tier.values()) {
            report(tier, false);
        }
        awaitSimpleQuestionsGo(503, null);
    }
}
