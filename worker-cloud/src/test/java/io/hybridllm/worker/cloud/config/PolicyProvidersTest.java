package io.hybridllm.worker.cloud.config;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.hybridllm.contracts.ErrorInfo.ErrorCode;
import io.hybridllm.contracts.LlmReply;
import io.hybridllm.contracts.RoutedRequest;
import io.hybridllm.contracts.Target;
import io.hybridllm.contracts.Topics;
import io.hybridllm.contracts.UsageEvent;
import io.hybridllm.contracts.json.Json;
import io.hybridllm.testkit.kafka.KafkaProbe;
import io.hybridllm.testkit.kafka.Published;
import io.hybridllm.testkit.quarkus.KafkaTestResource;
import io.hybridllm.testkit.simulators.AnthropicSimulator;
import io.hybridllm.testkit.simulators.OpenAiSimulator;
import io.hybridllm.testkit.simulators.ProviderSimulator;
import io.hybridllm.worker.cloud.PolicySimulatorsResource;
import io.hybridllm.worker.cloud.Requests;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * worker-cloud serves the providers the operator's policy names, by the operator's names, and each provider key of the
 * policy changes what the worker does: the request is routed to {@code claude}, an anthropic provider no property
 * mentions.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PolicySimulatorsResource.class)
class PolicyProvidersTest {

    private static final KafkaProbe kafka = KafkaProbe.shared();

    @PolicySimulatorsResource.Simulator
    AnthropicSimulator claude;
    @PolicySimulatorsResource.Simulator
    OpenAiSimulator narrow;
    @PolicySimulatorsResource.Simulator
    OpenAiSimulator stingy;

    /** The last chat call claude received; health checks list models on another path. */
    private final AtomicReference<ProviderSimulator.Received> claudeChat = new AtomicReference<>();

    @BeforeEach
    void watchClaude() {
        claude.observe(received -> {
            if (received.path().endsWith("/messages")) {
                claudeChat.set(received);
            }
        });
    }

    private static RoutedRequest to(String id, String provider) {
        // No model: the provider's policy model serves.
        return Requests.chain(id, new Target(provider, null));
    }

    @Test
    void aRequestRoutedToClaudeIsAnsweredByTheAnthropicAtItsBaseUrlWithTheKeyFromItsVariable() {
        RoutedRequest routed = to("policy-claude-1", "claude");
        LlmReply reply = Requests.answer(routed);

        assertThat(reply.status()).isEqualTo(LlmReply.Status.SUCCEEDED);
        assertThat(reply.provider()).isEqualTo("claude");
        assertThat(reply.model()).isEqualTo(PolicySimulatorsResource.CLAUDE_MODEL);
        assertThat(claudeChat.get().header("x-api-key")).isEqualTo(PolicySimulatorsResource.CLAUDE_KEY);
        // max_tokens = 77 caps the request's 256.
        assertThat(claudeChat.get().body().path("max_tokens").asInt()).isEqualTo(77);
        // Priced under its kind: the catalogue lists anthropic's models, not claude's.
        UsageEvent usage = Published.usageEvent(kafka, routed.id());
        assertThat(usage.costUsd()).isPositive();
    }

    @Test
    void timeoutMsEndsASlowCall() {
        LlmReply reply = Requests.answer(to("policy-slow-1", "slowpoke"));

        assertThat(reply.status()).isEqualTo(LlmReply.Status.FAILED);
        assertThat(reply.error().code()).isEqualTo(ErrorCode.TIMEOUT);
    }

    @Test
    void maxConcurrentRequestsBoundsTheCallsInFlight() {
        List<RoutedRequest> burst = IntStream.range(0, 6).mapToObj(i -> to("policy-narrow-" + i, "narrow")).toList();
        burst.forEach(routed -> kafka.send(Topics.TIER_CLOUD, routed.id(), Json.write(routed)));
        for (RoutedRequest routed : burst) {
            assertThat(Published.reply(kafka, Topics.REPLIES, routed.id()).status()).as(routed.id())
                    .isEqualTo(LlmReply.Status.SUCCEEDED);
        }
        assertThat(narrow.peakInFlight()).isBetween(1, 2);
        given().get("/q/health/group/backends").then().body("checks[0].data.narrow", containsString("/2 slots"));
    }

    @Test
    void rateLimitTpmHoldsBackTheCallAfterOneThatUsedUpTheMinute() {
        // A full bucket lets one call through, in debt; the next would wait for its tokens (one a second) far longer
        // than the worker waits (hybrid.cloud.rate-limit-max-wait, 2 s here).
        assertThat(Requests.answer(to("policy-stingy-1", "stingy")).status()).isEqualTo(LlmReply.Status.SUCCEEDED);
        LlmReply reply = Requests.answer(to("policy-stingy-2", "stingy"));

        assertThat(reply.status()).isEqualTo(LlmReply.Status.FAILED);
        assertThat(reply.error().code()).isEqualTo(ErrorCode.RATE_LIMITED);
        assertThat(stingy.calls()).isEqualTo(1);
    }

    @Test
    void aDisabledProviderTakesNoCall() {
        LlmReply reply = Requests.answer(Requests.chain("policy-grok-1", new Target("grok", "grok-beta")));

        assertThat(reply.status()).isEqualTo(LlmReply.Status.FAILED);
        assertThat(reply.error().code()).isEqualTo(ErrorCode.NO_PROVIDER);
        assertThat(reply.error().message()).contains("no backend of this provider here");
    }
}
