package io.hybridllm.worker.cloud.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.hybridllm.contracts.ControlEvent;
import io.hybridllm.contracts.ErrorInfo.ErrorCode;
import io.hybridllm.contracts.LlmReply;
import io.hybridllm.contracts.SchemaVersion;
import io.hybridllm.contracts.Target;
import io.hybridllm.contracts.json.Json;
import io.hybridllm.testkit.kafka.KafkaProbe;
import io.hybridllm.testkit.quarkus.KafkaTestResource;
import io.hybridllm.testkit.simulators.AnthropicSimulator;
import io.hybridllm.testkit.simulators.OpenAiSimulator;
import io.hybridllm.testkit.simulators.ProviderSimulator;
import io.hybridllm.worker.cloud.PolicySimulatorsResource;
import io.hybridllm.worker.cloud.Requests;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The worker follows the policy published on {@code llm.control} without a restart: a provider added there takes calls,
 * a changed limit applies to the next call, a disabled provider takes none, and a withdrawal brings back the files'.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PolicySimulatorsResource.class)
class PolicyLiveChangeTest {

    private static final KafkaProbe kafka = KafkaProbe.shared();
    private static final Duration FOLLOWS = Duration.ofSeconds(20);

    @PolicySimulatorsResource.Simulator
    AnthropicSimulator claude;
    @PolicySimulatorsResource.Simulator
    OpenAiSimulator narrow;

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

    /** Publishes as the router's PUT /v1/policy does; {@code toml} null withdraws the publication. */
    private static void publish(String version, String toml) {
        ControlEvent.PolicyChange change = new ControlEvent.PolicyChange(SchemaVersion.CURRENT,
                UUID.randomUUID().toString(), "policy", version, null, toml, "PolicyLiveChangeTest", List.of(),
                Instant.now());
        kafka.send(change.topic(), change.scope(), Json.write(change));
    }

    /** Other tests of this JVM read llm.control from its start: leave the files' policy in force for them. */
    @AfterAll
    static void withdraw() {
        publish("withdrawn", null);
    }

    private static LlmReply ask(String id, String provider, String model) {
        return Requests.answer(Requests.chain(id + "-" + UUID.randomUUID(), new Target(provider, model)));
    }

    @Test
    void addedChangedDisabledAndWithdrawnProvidersAreFollowedWithoutARestart() {
        assertThat(ask("live-before", "claude", null).status()).isEqualTo(LlmReply.Status.SUCCEEDED);
        assertThat(claudeChat.get().body().path("max_tokens").asInt()).isEqualTo(77);
        assertThat(ask("live-added-before", "gpt", "gpt-4o-mini").error().code()).isEqualTo(ErrorCode.NO_PROVIDER);

        // A new provider "gpt" on the narrow simulator, and claude's answer limit raised.
        publish("live-1", """
                version = "live-1"
                [providers.claude]
                kind = "anthropic"
                base_url = "%s"
                api_key_env = "CLAUDE_TEST_KEY"
                model = "%s"
                max_tokens = 99

                [providers.gpt]
                kind = "openai"
                base_url = "%s/v1"
                api_key_env = "POLICY_OPENAI_KEY"
                """.formatted(claude.baseUrl(), PolicySimulatorsResource.CLAUDE_MODEL, narrow.baseUrl()));
        await().atMost(FOLLOWS)
                .until(() -> ask("live-added", "gpt", "gpt-4o-mini").status() == LlmReply.Status.SUCCEEDED);
        assertThat(ask("live-changed", "claude", null).status()).isEqualTo(LlmReply.Status.SUCCEEDED);
        assertThat(claudeChat.get().body().path("max_tokens").asInt()).isEqualTo(99);

        // claude disabled: no call reaches it; gpt still answers.
        publish("live-2", """
                version = "live-2"
                [providers.claude]
                kind = "anthropic"
                enabled = false

                [providers.gpt]
                kind = "openai"
                base_url = "%s/v1"
                api_key_env = "POLICY_OPENAI_KEY"
                """.formatted(narrow.baseUrl()));
        await().atMost(FOLLOWS)
                .until(() -> ask("live-disabled", "claude", PolicySimulatorsResource.CLAUDE_MODEL).error() != null);
        long claudeCalls = claude.calls();
        assertThat(ask("live-disabled-again", "claude", PolicySimulatorsResource.CLAUDE_MODEL).error().code())
                .isEqualTo(ErrorCode.NO_PROVIDER);
        assertThat(claude.calls()).isEqualTo(claudeCalls);
        assertThat(ask("live-still", "gpt", "gpt-4o-mini").status()).isEqualTo(LlmReply.Status.SUCCEEDED);

        // Withdrawn: the files' policy again, claude with its 77 and no gpt.
        publish("withdrawn", null);
        await().atMost(FOLLOWS).until(() -> ask("live-back", "claude", null).status() == LlmReply.Status.SUCCEEDED);
        assertThat(claudeChat.get().body().path("max_tokens").asInt()).isEqualTo(77);
        assertThat(ask("live-gone", "gpt", "gpt-4o-mini").error().code()).isEqualTo(ErrorCode.NO_PROVIDER);
    }
}
