package io.hybridllm.worker.local.pool;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import io.hybridllm.contracts.ControlEvent;
import io.hybridllm.contracts.LlmReply;
import io.hybridllm.contracts.RoutedRequest;
import io.hybridllm.contracts.SchemaVersion;
import io.hybridllm.contracts.Target;
import io.hybridllm.contracts.Tier;
import io.hybridllm.contracts.Topics;
import io.hybridllm.contracts.json.Json;
import io.hybridllm.testkit.kafka.KafkaProbe;
import io.hybridllm.testkit.kafka.Published;
import io.hybridllm.testkit.quarkus.KafkaTestResource;
import io.hybridllm.testkit.simulators.OllamaSimulator;
import io.hybridllm.testkit.simulators.ProviderSimulator;
import io.hybridllm.worker.local.LocalPolicies;
import io.hybridllm.worker.local.OllamaSimulatorResource;
import io.hybridllm.worker.local.Requests;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * worker-local takes its providers from the policy: {@code tier_models} says which model serves a tier when the
 * decision names none, {@code max_tokens} caps the answer; and it follows a published policy, staying up but serving no
 * tier, and saying why, while the policy enables no local provider.
 */
@QuarkusTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@WithTestResource(KafkaTestResource.class)
@WithTestResource(OllamaSimulatorResource.class)
@WithTestResource(LocalPolicyTest.Policy.class)
class LocalPolicyTest {

    private static final KafkaProbe kafka = KafkaProbe.shared();

    public static class Policy implements QuarkusTestResourceLifecycleManager {

        @Override
        public Map<String, String> start() {
            return Map.of("hybrid.policy.file", LocalPolicies.write("""
                    [providers.ollama]
                    kind = "ollama"
                    tier_models = { local-fast = "phi3:mini", local-quality = "llama3.1:8b" }
                    max_tokens = 33
                    """));
        }

        @Override
        public void stop() {
        }
    }

    @OllamaSimulatorResource.Simulator
    OllamaSimulator ollama;

    /** The last chat call Ollama received; health checks and warm-ups use other paths. */
    private final AtomicReference<ProviderSimulator.Received> chat = new AtomicReference<>();

    @BeforeEach
    void watchOllama() {
        ollama.observe(received -> {
            if (received.path().equals("/api/chat")) {
                chat.set(received);
            }
        });
    }

    private static LlmReply ask(String id) {
        RoutedRequest routed = Requests.routed(id + "-" + UUID.randomUUID(), Tier.LOCAL_FAST,
                new Target("ollama", null));
        kafka.send(Topics.TIER_LOCAL_FAST, routed.id(), Json.write(routed));
        return Published.reply(kafka, Topics.REPLIES, routed.id());
    }

    private static void publish(String version, String toml) {
        ControlEvent.PolicyChange change = new ControlEvent.PolicyChange(SchemaVersion.CURRENT,
                UUID.randomUUID().toString(), "policy", version, null, toml, "LocalPolicyTest", List.of(),
                Instant.now());
        kafka.send(change.topic(), change.scope(), Json.write(change));
    }

    /** Other tests of this JVM read llm.control from its start: leave the files' policy in force for them. */
    @AfterAll
    static void withdraw() {
        publish("withdrawn", null);
    }

    @Test
    @Order(1)
    void tierModelsPickTheModelAndMaxTokensCapsTheAnswer() {
        LlmReply reply = ask("local-tier-model");

        assertThat(reply.status()).isEqualTo(LlmReply.Status.SUCCEEDED);
        assertThat(reply.model()).isEqualTo("phi3:mini");
        // The request asks for 64 tokens; the policy's max_tokens allows 33.
        assertThat(chat.get().body().path("options").path("num_predict").asInt()).isEqualTo(33);
    }

    @Test
    @Order(2)
    void withoutALocalProviderTheWorkerStaysUpServesNoTierAndSaysWhy() {
        publish("no-local", """
                version = "no-local"
                [providers.ollama]
                kind = "ollama"
                enabled = false
                [providers.minilm]
                enabled = false
                """);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().get("/q/health/group/backends").then()
                .statusCode(503).body("checks[0].data.why", containsString("enables no provider this worker serves")));
        given().get("/q/health/live").then().statusCode(200).body("status", is("UP"));

        publish("withdrawn", null);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().get("/q/health/group/backends").then()
                .statusCode(200).body("checks[0].data.ollama", containsString("models")));
        assertThat(ask("local-back").model()).isEqualTo("phi3:mini");
    }
}
