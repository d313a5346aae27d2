package io.hybridllm.router.learning;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import io.hybridllm.contracts.ChatMessage;
import io.hybridllm.contracts.LlmRequest;
import io.hybridllm.contracts.RequestOutcome;
import io.hybridllm.contracts.RoutedRequest;
import io.hybridllm.contracts.ScoreFactor;
import io.hybridllm.contracts.TaskType;
import io.hybridllm.contracts.Tier;
import io.hybridllm.contracts.Topics;
import io.hybridllm.contracts.json.Json;
import io.hybridllm.embedding.Vectors;
import io.hybridllm.policy.Policy;
import io.hybridllm.policy.RouteResolver;
import io.hybridllm.router.ShippedConfig;
import io.hybridllm.router.cache.ResponseCache;
import io.hybridllm.router.scoring.HeuristicComplexityScorer;
import io.hybridllm.testkit.kafka.KafkaProbe;
import io.hybridllm.testkit.quarkus.KafkaTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/**
 * The learned-routing test, through Kafka: workers' outcomes on {@value Topics#OUTCOMES} say that a class of
 * prompts (proofs) needed the cloud tier; a later similar prompt, which the fixed formula alone sends to a local tier,
 * goes to the cloud, and its decision's {@code learned} factor says why. A dissimilar prompt and another tenant's
 * similar prompt are routed by the fixed formula, and explain ({@code ?tenant=}) scores as the tenant it names. An
 * unreadable outcome goes to the dead-letter topic.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@TestProfile(LearnedRoutingTest.Blend.class)
class LearnedRoutingTest {

    /** Read in another class loader by Quarkus: kept free of Kafka clients (see CacheRoutingTest). */
    public static class Blend implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            try {
                Path file = Files.createTempDirectory("learned-routing").resolve("learn.toml");
                Files.writeString(file, "[scoring]\nmethod = \"blend\"\n");
                return Map.of("hybrid.policy.file", file.toString());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final KafkaProbe kafka = KafkaProbe.shared();
    /** The class of prompts the outcomes teach about: proofs of irrationality. */
    private static final List<String> PROOFS = List.of("Prove that the square root of 2 is irrational.",
            "Prove that the square root of 5 is irrational.", "Prove that the square root of 7 is irrational.",
            "Prove that the cube root of 2 is irrational.", "Prove that the square root of 6 is irrational.",
            "Prove that there are infinitely many prime numbers.");

    @Inject
    OutcomeMemory memory;

    private static LlmRequest chat(String id, String tenant, String prompt) {
        return new LlmRequest(0, id, tenant, null, TaskType.CHAT, List.of(ChatMessage.user(prompt)), null, null, null,
                null, null, null);
    }

    /** What a worker publishes once a proof, routed to local-fast, was escalated and answered on the cloud tier. */
    private static void escalatedToCloud(String id, String tenant, String prompt) {
        String embedding = Vectors.toBase64(new ResponseCache.Embedders().prompt(chat(id, tenant, prompt)));
        RequestOutcome outcome = new RequestOutcome(0, id, tenant, RequestOutcome.Source.WORKER, TaskType.CHAT,
                Tier.LOCAL_FAST, Tier.CLOUD, true, 0.2, null, embedding, null);
        kafka.send(Topics.OUTCOMES, id, Json.write(outcome));
    }

    private static RoutedRequest routed(String id, String tenant, String prompt, String tierTopic) {
        kafka.send(Topics.REQUESTS, id, Json.write(chat(id, tenant, prompt)));
        return kafka.awaitMessage(tierTopic, id, RoutedRequest.class, WAIT);
    }

    private static ScoreFactor learned(RoutedRequest routed) {
        return routed.decision().factors().stream().filter(f -> f.name().equals("learned")).findFirst().orElseThrow();
    }

    @Test
    void outcomesOfAClassOfPromptsMoveALaterSimilarPromptToTheCloud() {
        String later = "Prove that the square root of 3 is irrational.";
        double fixed = new HeuristicComplexityScorer(ShippedConfig.scoring())
                .score(chat("x", "acme", later), new Policy.Weights(0.30, 0.30, 0.25, 0.15, 0.0)).value();
        assertThat(RouteResolver.depth(fixed, new Policy.Scoring(0.3, 0.6, null)))
                .as("the fixed formula alone keeps it local").isNotEqualTo(RouteResolver.Depth.DEEP);

        RoutedRequest before = routed("learn-before", "acme", later, Topics.TIER_LOCAL_FAST);
        assertThat(learned(before).detail()).contains("the fixed formula rules");
        assertThat(before.decision().embedding()).as("carried for the worker's outcome").isNotNull();

        for (int i = 0; i < PROOFS.size(); i++) {
            escalatedToCloud("learn-proof-" + i, "acme", PROOFS.get(i));
        }
        Awaitility.await().atMost(WAIT).until(() -> memory.size("acme") >= PROOFS.size());

        RoutedRequest after = routed("learn-after", "acme", later, Topics.TIER_CLOUD);
        assertThat(after.decision().tier()).isEqualTo(Tier.CLOUD);
        assertThat(learned(after).value()).isEqualTo(1.0);
        assertThat(learned(after).detail()).matches(
                "\\d+ of the \\d+ most similar past requests needed the cloud tier" + " \\(similarity >= 0\\.50\\)");
        assertThat(after.decision().rule()).contains("straight past the local tiers");

        String body = "{\"messages\":[{\"role\":\"user\",\"content\":\"" + later + "\"}]}";
        given().contentType(ContentType.JSON).body(body).when().post("/v1/route/explain?tenant=acme").then()
                .statusCode(200).body("tier", equalTo("cloud"))
                .body("rule", containsString("straight past the local tiers"));
        given().contentType(ContentType.JSON).body(body).when().post("/v1/route/explain?tenant=globex").then()
                .statusCode(200).body("tier", equalTo("local-fast"));
        given().contentType(ContentType.JSON).body(body).when().post("/v1/route/explain?tenant=no%20such").then()
                .statusCode(400).body("field", equalTo("tenant"));

        RoutedRequest unlike = routed("learn-unlike", "acme", "What is a good name for a pet cat?",
                Topics.TIER_LOCAL_FAST);
        assertThat(learned(unlike).weight()).as("no similar outcome: no opinion").isZero();

        RoutedRequest otherTenant = routed("learn-globex", "globex", later, Topics.TIER_LOCAL_FAST);
        assertThat(learned(otherTenant).detail()).as("acme's outcomes are acme's").startsWith("no similar");
    }

    @Test
    void anUnreadableOutcomeGoesToTheDeadLetterTopicWithTheReason() {
        kafka.send(Topics.OUTCOMES, "learn-poison", "{\"schema_version\":1,\"request_id\":\"learn-poison\"}");
        ConsumerRecord<String, String> dead = kafka.awaitKey(Topics.dlqOf(Topics.OUTCOMES), "learn-poison", WAIT);
        assertThat(KafkaProbe.header(dead, "dead-letter-reason"))
                .hasValueSatisfying(reason -> assertThat(reason).contains("tenant"));
    }
}
