package io.hybridllm.router.messaging;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
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
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/**
 * The router's limits on held requests: a request no candidate could ever serve fails at once, whatever its deadline; a
 * held one waits at most the router's maximum hold; and what is held is capped by size as well as count.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@TestProfile(HoldLimitsTest.Limits.class)
class HoldLimitsTest {

    public static class Limits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("hybrid.router.hold.max", "2s", "hybrid.router.hold.max-bytes", "20000");
        }
    }

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final KafkaProbe kafka = KafkaProbe.shared();

    private static void report(Tier tier, boolean healthy) {
        ControlEvent event = new ControlEvent.TierHealth(SchemaVersion.CURRENT, UUID.randomUUID().toString(),
                "tier:" + tier.wireName(), tier, healthy, healthy ? "all backends answer" : "0 of 2 backends answer",
                Instant.now());
        kafka.send(event.topic(), "tier:" + tier.wireName(), Json.write(event));
    }

    private static void localDown() {
        report(Tier.LOCAL_FAST, false);
        report(Tier.LOCAL_QUALITY, false);
        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(given().contentType(ContentType.JSON)
                        .body("{\"messages\":[{\"role\":\"user\",\"content\":\"What is 2+2?\"}]}").when()
                        .post("/v1/route/explain").then().extract().jsonPath().getString("tier")).isEqualTo("cloud"));
    }

    private static void sendSensitive(String id, String prompt, Instant deadline) {
        kafka.send(Topics.REQUESTS, id, Json.write(Prompts.request(id, TaskType.CHAT, prompt,
                new RequestHints(null, null, true, null, null, deadline, Map.of()))));
    }

    @AfterEach
    void recover() {
        report(Tier.LOCAL_FAST, true);
        report(Tier.LOCAL_QUALITY, true);
    }

    @Test
    void aRequestNoCandidateCouldServeFailsAtOnceDespiteItsDeadline() {
        String id = "limits-region-" + UUID.randomUUID();
        Instant sent = Instant.now();
        // A deep review goes to openai alone (routing.hybrid.review.deep), which declares no region.
        kafka.send(Topics.REQUESTS, id, Json.write(Prompts.request(id, TaskType.REVIEW, Prompts.COMPLEX,
                new RequestHints(null, null, false, "mars", null, Instant.now().plusSeconds(3600), Map.of()))));
        LlmReply reply = kafka.awaitMessage(Topics.REPLIES, id, LlmReply.class, WAIT);
        assertThat(reply.error().code()).isEqualTo(ErrorCode.NO_PROVIDER);
        assertThat(reply.error().message()).contains("region", "no enabled provider is left to try");
        assertThat(reply.completedAt()).isBefore(sent.plusSeconds(10));
    }

    @Test
    void aHeldRequestWaitsAtMostTheRoutersMaximumHold() {
        localDown();
        String id = "limits-hold-" + UUID.randomUUID();
        Instant deadline = Instant.now().plusSeconds(3600);
        sendSensitive(id, Prompts.SIMPLE, deadline);
        LlmReply reply = kafka.awaitMessage(Topics.REPLIES, id, LlmReply.class, WAIT);
        assertThat(reply.error().code()).isEqualTo(ErrorCode.EXPIRED);
        assertThat(reply.error().message()).contains("the router's maximum hold of PT2S (hybrid.router.hold.max)",
                "before the deadline " + deadline);
        assertThat(reply.completedAt()).isBefore(deadline.minusSeconds(3500));
    }

    @Test
    void requestsBeyondTheHeldBytesAreFailedAtOnceWithTheReason() {
        localDown();
        String id = "limits-bytes-" + UUID.randomUUID();
        sendSensitive(id, "x".repeat(30_000), Instant.now().plusSeconds(60));
        LlmReply reply = kafka.awaitMessage(Topics.REPLIES, id, LlmReply.class, WAIT);
        assertThat(reply.error().code()).isEqualTo(ErrorCode.NO_PROVIDER);
        assertThat(reply.error().message()).contains("not held: the router already holds",
                "at most 10000 requests and 20000 bytes");
    }
}
