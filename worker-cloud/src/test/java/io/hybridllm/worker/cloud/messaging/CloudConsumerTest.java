package io.hybridllm.worker.cloud.messaging;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.hybridllm.contracts.Attempt;
import io.hybridllm.contracts.LlmReply;
import io.hybridllm.contracts.RoutedRequest;
import io.hybridllm.contracts.TaskType;
import io.hybridllm.contracts.Tier;
import io.hybridllm.contracts.Topics;
import io.hybridllm.contracts.UsageEvent;
import io.hybridllm.contracts.json.Json;
import io.hybridllm.contracts.pricing.PriceCatalogue;
import io.hybridllm.testkit.kafka.KafkaProbe;
import io.hybridllm.testkit.kafka.Published;
import io.hybridllm.testkit.quarkus.KafkaTestResource;
import io.hybridllm.worker.cloud.OpenAiSimulatorResource;
import io.hybridllm.worker.cloud.Requests;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(OpenAiSimulatorResource.class)
class CloudConsumerTest {

    private static final KafkaProbe kafka = KafkaProbe.shared();

    private static void send(RoutedRequest routed) {
        kafka.send(Topics.TIER_CLOUD, routed.id(), Json.write(routed));
    }

    @Test
    void cloudRequestIsAnsweredPricedAndItsUsageReported() {
        RoutedRequest routed = Requests.routed("cloud-answer-1", "gpt-4o-mini");
        send(routed);

        LlmReply reply = Published.reply(kafka, Topics.REPLIES, routed.id());
        assertThat(reply.status()).isEqualTo(LlmReply.Status.SUCCEEDED);
        assertThat(reply.answer()).startsWith("[simulated gpt-4o-mini]");
        assertThat(reply.tier()).isEqualTo(Tier.CLOUD);
        assertThat(reply.provider()).isEqualTo("openai");
        assertThat(reply.model()).isEqualTo("gpt-4o-mini");
        assertThat(reply.usage().promptTokens()).isPositive();
        assertThat(reply.usage().completionTokens()).isPositive();
        assertThat(reply.costUsd()).isPositive().isEqualByComparingTo(
                PriceCatalogue.defaults().price("openai", "gpt-4o-mini", reply.usage()).orElseThrow());
        assertThat(reply.decision()).isEqualTo(routed.decision());
        assertThat(reply.attempts()).singleElement().satisfies(attempt -> {
            assertThat(attempt.outcome()).isEqualTo(Attempt.Outcome.SUCCEEDED);
            assertThat(attempt.provider()).isEqualTo("openai");
            assertThat(attempt.tier()).isEqualTo(Tier.CLOUD);
        });

        ConsumerRecord<String, String> usage = Published.usage(kafka, routed.id(), Published.WAIT);
        assertThat(usage.key()).isEqualTo(Requests.TENANT);
        UsageEvent event = Json.read(usage.value(), UsageEvent.class);
        assertThat(event.usage()).isEqualTo(reply.usage());
        assertThat(event.costUsd()).isEqualByComparingTo(reply.costUsd());
        assertThat(event.outcome()).isEqualTo(Attempt.Outcome.SUCCEEDED);
        assertThat(event.taskType()).isEqualTo(TaskType.REVIEW);
        assertThat(event.jobId()).isEqualTo("job-42");

        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("hybrid_worker_calls_total{error=\"none\",model=\"gpt-4o-mini\","
                        + "outcome=\"succeeded\",provider=\"openai\"}"))
                .body(containsString("hybrid_worker_call_latency_seconds_count{provider=\"openai\"}"));
    }

    @Test
    void targetWithoutModelUsesTheDefaultAndTheReplyAlsoGoesToReplyTo() {
        String replyTo = "replies." + Requests.TENANT + ".cloud-test";
        RoutedRequest routed = Requests.routed("cloud-reply-to-1", null, null, replyTo);
        send(routed);

        LlmReply reply = Published.reply(kafka, Topics.REPLIES, routed.id());
        assertThat(reply.status()).isEqualTo(LlmReply.Status.SUCCEEDED);
        assertThat(reply.model()).isEqualTo("gpt-4o-mini");

        LlmReply copy = Published.reply(kafka, replyTo, routed.id());
        assertThat(copy.answer()).isEqualTo(reply.answer());
        assertThat(copy.costUsd()).isEqualByComparingTo(reply.costUsd());
    }

    @Test
    void unreadableRequestIsDeadLetteredWithTheFieldAndTheStreamGoesOn() {
        RoutedRequest valid = Requests.routed("cloud-poison-1", "gpt-4o-mini");
        ObjectNode poison = Json.mapper().valueToTree(valid);
        ((ObjectNode) poison.get("request")).putArray("messages");
        kafka.send(Topics.TIER_CLOUD, valid.id(), poison.toString());

        ConsumerRecord<String, String> dead = kafka.awaitKey(Topics.dlqOf(Topics.TIER_CLOUD), valid.id(),
                Published.WAIT);
        assertThat(KafkaProbe.header(dead, "dead-letter-reason")).hasValueSatisfying(
                reason -> assertThat(reason).contains("request.messages: must hold at least one message"));

        RoutedRequest next = Requests.routed("cloud-after-poison-1", "gpt-4o");
        send(next);
        assertThat(Published.reply(kafka, Topics.REPLIES, next.id()).status()).isEqualTo(LlmReply.Status.SUCCEEDED);
    }

    @Test
    void backendsHealthGroupReportsOpenAi() {
        given().get("/q/health/group/backends").then().statusCode(200).body("status", is("UP"))
                .body("checks[0].name", is("backends")).body("checks[0].data.openai", startsWith("up http://"));
    }
}
