package io.hybridllm.worker.local.backend;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.hybridllm.contracts.ChatMessage;
import io.hybridllm.contracts.ErrorInfo.ErrorCode;
import io.hybridllm.contracts.GenerationOptions;
import io.hybridllm.contracts.LlmRequest;
import io.hybridllm.testkit.simulators.OllamaSimulator;
import io.hybridllm.testkit.support.FreePorts;
import io.hybridllm.worker.core.CallResult;

class OllamaClientTest {

    private static final Duration SECOND = Duration.ofSeconds(1);
    private static OllamaSimulator simulator;

    @BeforeAll
    static void start() {
        simulator = OllamaSimulator.start(Duration.ZERO, List.of("llama3.2:1b"));
    }

    @AfterAll
    static void stop() {
        simulator.close();
    }

    private static LlmRequest request(GenerationOptions options) {
        return new LlmRequest(0, "client-1", "acme", null, null, List.of(ChatMessage.user("Say hi")), options, null,
                null, null, null, null);
    }

    @Test
    void ollamaHostWithoutSchemeOrWithTrailingSlashIsAccepted() {
        assertThat(OllamaClient.normalize("localhost:11434")).isEqualTo("http://localhost:11434");
        assertThat(OllamaClient.normalize(" https://gpu-1:11434/ ")).isEqualTo("https://gpu-1:11434");
        assertThat(OllamaClient.normalize("0.0.0.0")).isEqualTo("http://0.0.0.0:11434");
        assertThat(OllamaClient.normalize("http://proxy/ollama/")).isEqualTo("http://proxy/ollama");
        assertThat(OllamaClient.normalize("https://ollama.example.com")).isEqualTo("https://ollama.example.com");
    }

    @Test
    void bodyCarriesTheOptionsOnlyWhenGiven() {
        JsonNode body = OllamaClient.body("llama3.2:1b", request(new GenerationOptions(64, 0.2)));
        assertThat(body.toString()).isEqualTo("{\"model\":\"llama3.2:1b\",\"stream\":false,"
                + "\"messages\":[{\"role\":\"user\",\"content\":\"Say hi\"}],"
                + "\"options\":{\"num_predict\":64,\"temperature\":0.2}}");
        assertThat(OllamaClient.body("m", request(null)).has("options")).isFalse();
    }

    @Test
    void chatAndModelsTalkToOllama() throws Exception {
        OllamaClient client = new OllamaClient(simulator.baseUrl(), SECOND, SECOND, SECOND);
        CallResult result = client.chat("llama3.2:1b", request(null));
        assertThat(result).isInstanceOfSatisfying(CallResult.Answered.class, answered -> {
            assertThat(answered.answer()).contains("Say hi");
            assertThat(answered.usage().promptTokens()).isPositive();
        });
        assertThat(client.models()).containsExactly("llama3.2:1b");
    }

    @Test
    void slowAnswerTimesOut() throws Exception {
        try (OllamaSimulator slow = OllamaSimulator.start(Duration.ofSeconds(3), List.of("llama3.2:1b"))) {
            OllamaClient client = new OllamaClient(slow.baseUrl(), SECOND, Duration.ofMillis(300), SECOND);
            CallResult result = client.chat("llama3.2:1b", request(null));
            assertThat(((CallResult.Failed) result).error().code()).isEqualTo(ErrorCode.TIMEOUT);
        }
    }

    @Test
    void nothingListeningIsUnavailable() throws Exception {
        OllamaClient client = new OllamaClient("localhost:" + FreePorts.next(), SECOND, SECOND, SECOND);
        CallResult result = client.chat("llama3.2:1b", request(null));
        assertThat(((CallResult.Failed) result).error().code()).isEqualTo(ErrorCode.PROVIDER_UNAVAILABLE);
    }
}
