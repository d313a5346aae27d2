package io.hybridllm.worker.local.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.hybridllm.contracts.LlmReply;
import io.hybridllm.contracts.RoutedRequest;
import io.hybridllm.contracts.Target;
import io.hybridllm.contracts.Tier;
import io.hybridllm.contracts.Topics;
import io.hybridllm.contracts.json.Json;
import io.hybridllm.testkit.kafka.KafkaProbe;
import io.hybridllm.testkit.kafka.Published;
import io.hybridllm.testkit.quarkus.KafkaTestResource;
import io.hybridllm.testkit.simulators.OpenAiSimulator;
import io.hybridllm.worker.local.LocalPolicies;
import io.hybridllm.worker.local.OllamaSimulatorResource;
import io.hybridllm.worker.local.Requests;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** A vLLM-style server speaking the OpenAI API, without a key, beside Ollama in the same pool. */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(OllamaSimulatorResource.class)
@WithTestResource(OpenAiCompatibleBackendTest.Vllm.class)
class OpenAiCompatibleBackendTest {

    public static class Vllm implements QuarkusTestResourceLifecycleManager {

        private OpenAiSimulator server;

        @Override
        public Map<String, String> start() {
            server = OpenAiSimulator.start(Duration.ofMillis(10), List.of("qwen2.5:7b"), null);
            // The policy names the provider and its kind; its one host is a backend of this worker.
            return Map.of("hybrid.policy.file", LocalPolicies.write("""
                    [providers.vllm]
                    kind = "openai-compatible"
                    """), "hybrid.local.backends.vllm-1.provider", "vllm", "hybrid.local.backends.vllm-1.url",
                    server.baseUrl() + "/v1", "hybrid.local.backends.vllm-1.slots", "8");
        }

        @Override
        public void stop() {
            server.close();
        }
    }

    @Test
    void aTargetOnTheLocalOpenAiServerIsAnsweredThereWithItsUsage() {
        RoutedRequest routed = Requests.routed("local-vllm-1", Tier.LOCAL_QUALITY, new Target("vllm", "qwen2.5:7b"));
        KafkaProbe.shared().send(Topics.TIER_LOCAL_QUALITY, routed.id(), Json.write(routed));

        LlmReply reply = Published.reply(KafkaProbe.shared(), Topics.REPLIES, routed.id());
        assertThat(reply.status()).isEqualTo(LlmReply.Status.SUCCEEDED);
        assertThat(reply.provider()).isEqualTo("vllm");
        assertThat(reply.usage().promptTokens()).isPositive();
        assertThat(reply.attempts()).singleElement()
                .satisfies(attempt -> assertThat(attempt.detail()).isEqualTo("on vllm-1"));
    }
}
