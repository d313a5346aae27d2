package io.hybridllm.worker.local.pool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import org.junit.jupiter.api.Test;

import io.hybridllm.testkit.kafka.Published;
import io.hybridllm.testkit.quarkus.KafkaTestResource;
import io.hybridllm.testkit.simulators.OllamaSimulator;
import io.hybridllm.worker.local.OllamaSimulatorResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** A tier model the server lacks is pulled, and each tier model is loaded before the first request needs it. */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(value = OllamaSimulatorResource.class, initArgs = {
        @ResourceArg(name = "models", value = "llama3.2:1b"), @ResourceArg(name = "pull-missing", value = "true") })
class ModelPreparationTest {

    @OllamaSimulatorResource.Simulator
    OllamaSimulator ollama;

    @Test
    void theMissingTierModelIsPulledAndBothAreWarmedUp() {
        await().atMost(Published.WAIT).untilAsserted(() -> {
            assertThat(ollama.models()).contains("llama3.1:8b");
            assertThat(ollama.warmedUp()).contains("llama3.2:1b", "llama3.1:8b");
        });
    }
}
