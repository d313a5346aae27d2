package io.hybridllm.worker.local.messaging;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

import java.time.Duration;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.hybridllm.contracts.Attempt;
import io.hybridllm.contracts.CacheEntry;
import io.hybridllm.contracts.LlmReply;
import io.hybridllm.contracts.RoutedRequest;
import io.hybridllm.contracts.RoutingDecision;
import io.hybridllm.contracts.Target;
import io.hybridllm.contracts.Tier;
import io.hybridllm.contracts.Topics;
import io.hybridllm.contracts.UsageEvent;
import io.hybridllm.contracts.json.Json;
import io.hybridllm.testkit.Infrastructure;
import io.hybridllm.testkit.kafka.KafkaProbe;
import io.hybridllm.testkit.kafka.Published;
import io.hybridllm.testkit.kafka.TopicAdmin;
import io.hybridllm.testkit.quarkus.KafkaTestResource;
import io.hybridllm.worker.local.OllamaSimulatorResource;
import io.hybridllm.worker.local.Requests;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(OllamaSimulatorResource.class)
class TierConsumerTest {

    private static final KafkaProbe kafka = KafkaProbe.shared();

    private static void send(String topic, RoutedRequest routed) {
        kafka.send(topic, routed.id(), Json.write(routed));
    }

    @Test
    void localFastRequestIsAnsweredAndItsUsageReported() {
        RoutedRequest routed = Requests.routed("local-answer-1", Tier.LOCAL_FAST, new Target("ollama", "llama3.2:1b"));
        send(Topics.TIER_LOCAL_FAST, routed);

        LlmReply reply = Published.reply(kafka, Topics.REPLIES, routed.id());
        assertThat(reply.status()).isEqualTo(LlmReply.Status.SUCCEEDED);
        assertThat(reply.answer()).startsWith("[simulated llama3.2:1b]");
        assertThat(reply.tier()).isEqualTo(Tier.LOCAL_FAST);
        assertThat(reply.provider()).isEqualTo("ollama");
        assertThat(reply.model()).isEqualTo("llama3.2:1b");
        assertThat(reply.usage().promptTokens()).isPositive();
        assertThat(reply.usage().completionTokens()).isPositive();
        assertThat(reply.costUsd()).isZero();
        assertThat(reply.decision()).isEqualTo(routed.decision());
        assertThat(reply.attempts()).singleElement().satisfies(attempt -> {
            assertThat(attempt.outcome()).isEqualTo(Attempt.Outcome.SUCCEEDED);
            assertThat(attempt.tier()).isEqualTo(Tier.LOCAL_FAST);
            assertThat(attempt.model()).isEqualTo("llama3.2:1b");
        });

        ConsumerRecord<String, String> usage = Published.usage(kafka, routed.id(), Published.WAIT);
        assertThat(usage.key()).isEqualTo(Requests.TENANT);
        UsageEvent event = Json.read(usage.value(), UsageEvent.class);
        assertThat(event.usage()).isEqualTo(reply.usage());
        assertThat(event.outcome()).isEqualTo(Attempt.Outcome.SUCCEEDED);
        assertThat(event.provider()).isEqualTo("ollama");
        assertThat(event.model()).isEqualTo("llama3.2:1b");
        assertThat(event.jobId()).isEqualTo("job-7");

        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("hybrid_worker_calls_total{error=\"none\",model=\"llama3.2:1b\","
                        + "outcome=\"succeeded\",provider=\"ollama\"}"))
                .body(containsString("hybrid_worker_call_latency_seconds_count{provider=\"ollama\"}"));
    }

    @Test
    void qualityTierUsesItsDefaultModelAndAlsoRepliesToReplyTo() {
        String replyTo = "replies." + Requests.TENANT + ".local-test";
        RoutedRequest routed = Requests.routed("local-reply-to-1", Tier.LOCAL_QUALITY, new Target("ollama", null), null,
                replyTo);
        send(Topics.TIER_LOCAL_QUALITY, routed);

        LlmReply reply = Published.reply(kafka, Topics.REPLIES, routed.id());
        assertThat(reply.status()).isEqualTo(LlmReply.Status.SUCCEEDED);
        assertThat(reply.model()).isEqualTo("llama3.1:8b");
        assertThat(reply.tier()).isEqualTo(Tier.LOCAL_QUALITY);

        LlmReply copy = Published.reply(kafka, replyTo, routed.id());
        assertThat(copy.answer()).isEqualTo(reply.answer());
        assertThat(copy.usage()).isEqualTo(reply.usage());
        assertThat(TopicAdmin.layout(Infrastructure.kafka().bootstrapServers(), replyTo))
                .as("made by the worker before its first reply, as a broker that makes no topic on first use needs")
                .usingRecursiveComparison().ignoringFields("name").isEqualTo(Topics.REPLY_TOPIC_SPEC);
    }

    @Test
    void anAnswerTheDecisionAsksToKeepIsPublishedToTheResponseCacheWithTheReply() {
        RoutedRequest plain = Requests.routed("local-cached-1", Tier.LOCAL_FAST, new Target("ollama", null));
        RoutingDecision.Caching plan = new RoutingDecision.Caching("key-" + plain.id(), "context-1", 3_600, null);
        RoutedRequest routed = new RoutedRequest(plain.request(), plain.decision().withCaching(plan));
        send(Topics.TIER_LOCAL_FAST, routed);

        LlmReply reply = Published.reply(kafka, Topics.REPLIES, routed.id());
        CacheEntry entry = kafka.awaitMessage(Topics.CACHE, CacheEntry.recordKey(Requests.TENANT, plan.key()),
                CacheEntry.class, Duration.ofSeconds(30));
        assertThat(entry.requestId()).isEqualTo(routed.id());
        assertThat(entry.answer()).isEqualTo(reply.answer());
        assertThat(entry.contextKey()).isEqualTo("context-1");
        assertThat(entry.provider()).isEqualTo(reply.provider());
    }

    @Test
    void unreadableRequestIsDeadLetteredWithTheFieldAndTheStreamGoesOn() {
        RoutedRequest valid = Requests.routed("local-poison-1", Tier.LOCAL_FAST, new Target("ollama", "llama3.2:1b"));
        ObjectNode poison = Json.mapper().valueToTree(valid);
        ((ObjectNode) poison.get("decision")).putArray("targets");
        kafka.send(Topics.TIER_LOCAL_FAST, valid.id(), poison.toString());

        ConsumerRecord<String, String> dead = kafka.awaitKey(Topics.dlqOf(Topics.TIER_LOCAL_FAST), valid.id(),
                Published.WAIT);
        assertThat(KafkaProbe.header(dead, "dead-letter-reason")).hasValueSatisfying(
                reason -> assertThat(reason).contains("decision.targets: must name at least one provider"));

        RoutedRequest next = Requests.routed("local-after-poison-1", Tier.LOCAL_FAST,
                new Target("ollama", "llama3.2:1b"));
        send(Topics.TIER_LOCAL_FAST, next);
        assertThat(Published.reply(kafka, Topics.REPLIES, next.id()).status()).isEqualTo(LlmReply.Status.SUCCEEDED);
    }

    @Test
    void backendsHealthGroupReportsOllamaWithoutGatingReadiness() {
        await().atMost(Published.WAIT)
                .untilAsserted(() -> given().get("/q/health/group/backends").then().statusCode(200)
                        .body("status", is("UP")).body("checks[0].name", is("backends"))
                        .body("checks[0].data.ollama", containsString("models llama3.1:8b,llama3.2:1b,phi3:mini")));
        await().atMost(Published.WAIT).untilAsserted(() -> given().get("/q/health/ready").then().statusCode(200)
                .body("checks.name", not(hasItem("ollama"))));
    }
}
