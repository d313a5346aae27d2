package io.hybridllm.worker.local.pool;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import io.hybridllm.contracts.ControlEvent;
import io.hybridllm.contracts.ControlEvent.CircuitState;
import io.hybridllm.contracts.Topics;
import io.hybridllm.contracts.json.Json;
import io.hybridllm.testkit.kafka.KafkaProbe;
import io.hybridllm.testkit.kafka.Published;
import io.hybridllm.testkit.quarkus.KafkaTestResource;
import io.hybridllm.testkit.simulators.OllamaSimulator;
import io.hybridllm.worker.local.OllamaSimulatorResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The worker's health checks of its only Ollama, on the real {@code llm.control}: the provider open once its checks
 * fail, closed once they pass again (the cost service turns these into outage and recovery alerts).
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(OllamaSimulatorResource.class)
class ProviderHealthReportTest {

    private static final KafkaProbe kafka = KafkaProbe.shared();

    @OllamaSimulatorResource.Simulator
    OllamaSimulator ollama;

    @Test
    void failingChecksPublishTheProviderOpenThenClosed() {
        Instant started = Instant.now();
        ollama.setDown(true);
        ControlEvent.ProviderHealth open;
        try {
            open = awaitReport(CircuitState.OPEN, started);
        } finally {
            ollama.setDown(false);
        }
        assertThat(open.provider()).isEqualTo("ollama");
        assertThat(open.scope()).startsWith("provider-check:ollama@");
        assertThat(open.detail()).contains("every backend fails its health checks");

        ControlEvent.ProviderHealth closed = awaitReport(CircuitState.CLOSED, open.at());
        assertThat(closed.scope()).isEqualTo(open.scope());
    }

    private static ControlEvent.ProviderHealth awaitReport(CircuitState state, Instant after) {
        return (ControlEvent.ProviderHealth) Json.read(kafka.await(Topics.CONTROL_HEALTH, record -> {
            ControlEvent event = Json.read(record.value(), ControlEvent.class);
            return event instanceof ControlEvent.ProviderHealth report && report.scope().startsWith("provider-check:")
                    && report.state() == state && !report.at().isBefore(after);
        }, Published.WAIT).value(), ControlEvent.class);
    }
}
