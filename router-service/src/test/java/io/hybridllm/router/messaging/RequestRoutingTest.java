package io.hybridllm.router.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.hybridllm.contracts.ErrorInfo;
import io.hybridllm.contracts.LlmReply;
import io.hybridllm.contracts.RequestHints;
import io.hybridllm.contracts.RoutedRequest;
import io.hybridllm.contracts.TaskType;
import io.hybridllm.contracts.Tier;
import io.hybridllm.contracts.Topics;
import io.hybridllm.contracts.json.Json;
import io.hybridllm.router.Prompts;
import io.hybridllm.testkit.kafka.KafkaProbe;
import io.hybridllm.testkit.quarkus.KafkaTestResource;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(KafkaTestResource.class)
class RequestRoutingTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final KafkaProbe kafka = KafkaProbe.shared();

    private RoutedRequest routedOn(String topic, String id) {
        return Json.read(kafka.awaitKey(topic, id, WAIT).value(), RoutedRequest.class);
    }

    private void submit(String id, TaskType taskType, String prompt, RequestHints hints) {
        kafka.send(Topics.REQUESTS, id, Json.write(Prompts.request(id, taskType, prompt, hints)));
    }

    @Inject
    MeterRegistry metrics;

    @Test
    void simpleRequestGoesToLocalFastWithItsReasons() {
        double counted = metrics.counter("hybrid.router.decisions", "tier", "local-fast").count();
        submit("route-simple", TaskType.CHAT, Prompts.SIMPLE, RequestHints.NONE);
        RoutedRequest routed = routedOn(Topics.TIER_LOCAL_FAST, "route-simple");
        assertThat(metrics.counter("hybrid.router.decisions", "tier", "local-fast").count())
                .as("the decision is counted on the counter the registry exports").isGreaterThan(counted);
        assertThat(routed.decision().tier()).isEqualTo(Tier.LOCAL_FAST);
        assertThat(routed.decision().rule()).startsWith("mode hybrid, routing.hybrid.chat, quick depth")
                .endsWith("-> ollama/llama3.2:1b on local-fast");
        assertThat(routed.decision().targets().getFirst().provider()).isEqualTo("ollama");
        assertThat(routed.decision().factors()).hasSize(5);
        assertThat(routed.decision().policyVersion()).startsWith("sha256:");
    }

    @Test
    void complexRequestGoesToTheCloud() {
        submit("route-complex", TaskType.REFACTOR, Prompts.COMPLEX, RequestHints.NONE);
        RoutedRequest routed = routedOn(Topics.TIER_CLOUD, "route-complex");
        assertThat(routed.decision().score()).isGreaterThanOrEqualTo(0.6);
        assertThat(routed.decision().targets().getFirst().provider()).isEqualTo("openai");
    }

    @Test
    void sensitiveContentStaysLocalWhateverItsScore() {
        submit("route-sensitive", TaskType.REFACTOR, Prompts.COMPLEX,
                new RequestHints(null, null, true, null, null, null, Map.of()));
        RoutedRequest routed = routedOn(Topics.TIER_LOCAL_QUALITY, "route-sensitive");
        assertThat(routed.decision().rule()).contains("privacy: marked sensitive, stays local");
    }

    @Test
    void aRequestNamingAModelIsRoutedToItOrAnsweredWithTheReason() {
        submit("route-gpt-4o", TaskType.CHAT, Prompts.SIMPLE,
                new RequestHints("openai", null, false, null, null, null, Map.of("model", "gpt-4o")));
        RoutedRequest routed = routedOn(Topics.TIER_CLOUD, "route-gpt-4o");
        assertThat(routed.decision().targets()).extracting(t -> t.provider() + "/" + t.model())
                .containsExactly("openai/gpt-4o");

        submit("route-unknown-model", TaskType.CHAT, Prompts.SIMPLE, new RequestHints(null, null, false, null, null,
                Instant.now().plusSeconds(600), Map.of("model", "mystery-model")));
        LlmReply reply = Json.read(kafka.awaitKey(Topics.REPLIES, "route-unknown-model", WAIT).value(), LlmReply.class);
        assertThat(reply.error().code()).isEqualTo(ErrorInfo.ErrorCode.NO_PROVIDER);
        assertThat(reply.error().message()).contains("serves the model mystery-model");
    }

    @Test
    void aFailedReplyIsNeverWrittenToASystemTopicNamedAsReplyTo() throws Exception {
        String id = "route-reply-to-system";
        // A task type the policy does not know: failed at once, with a reply.
        var request = (com.fasterxml.jackson.databind.node.ObjectNode) Json.mapper().readTree(
                Json.write(Prompts.request(id, TaskType.of("write_poetry"), Prompts.SIMPLE, RequestHints.NONE)));
        request.put("reply_to", Topics.AUDIT);
        kafka.send(Topics.REQUESTS, id, request.toString());
        LlmReply reply = Json.read(kafka.awaitKey(Topics.REPLIES, id, WAIT).value(), LlmReply.class);
        assertThat(reply.error().code()).isEqualTo(ErrorInfo.ErrorCode.NO_PROVIDER);
        assertThatThrownBy(() -> kafka.awaitKey(Topics.AUDIT, id, Duration.ofSeconds(3)))
                .as("a reply on the audit topic").isInstanceOf(AssertionError.class);
    }

    @Test
    void unreadableRequestGoesToTheDeadLetterTopicWithTheReason() {
        kafka.send(Topics.REQUESTS, "route-poison", "{\"id\":\"route-poison\",\"tenant\":\"acme\",\"messages\":[]}");
        ConsumerRecord<String, String> dead = kafka.awaitKey(Topics.dlqOf(Topics.REQUESTS), "route-poison", WAIT);
        assertThat(KafkaProbe.header(dead, "dead-letter-reason"))
                .hasValueSatisfying(reason -> assertThat(reason).contains("messages: must hold at least one message"));
    }

    @Test
    void aRequestOnATenantsOwnTopicIsRoutedOnlyIfItIsThatTenants() {
        // Prompts' requests are acme's: on requests.acme they are routed, on requests.globex dead-lettered.
        kafka.send(Topics.tenantRequests("acme"), "route-own-topic",
                Json.write(Prompts.request("route-own-topic", TaskType.CHAT, Prompts.SIMPLE, RequestHints.NONE)));
        assertThat(routedOn(Topics.TIER_LOCAL_FAST, "route-own-topic").request().tenant()).isEqualTo("acme");

        kafka.send(Topics.tenantRequests("globex"), "route-claimed-tenant",
                Json.write(Prompts.request("route-claimed-tenant", TaskType.CHAT, Prompts.SIMPLE, RequestHints.NONE)));
        ConsumerRecord<String, String> dead = kafka.awaitKey(Topics.dlqOf(Topics.REQUESTS), "route-claimed-tenant",
                WAIT);
        assertThat(KafkaProbe.header(dead, "dead-letter-reason")).hasValueSatisfying(
                reason -> assertThat(reason).contains("tenant").contains("produced to requests.globex"));
    }
}
