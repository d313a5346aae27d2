package io.hybridllm.worker.local.backend;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;

import io.hybridllm.contracts.ChatMessage;
import io.hybridllm.contracts.ErrorInfo.ErrorCode;
import io.hybridllm.contracts.LlmRequest;
import io.hybridllm.contracts.StreamChunk.ToolCallDelta;
import io.hybridllm.testkit.simulators.OllamaSimulator;
import io.hybridllm.worker.core.AnswerPieces;
import io.hybridllm.worker.core.CallResult;

/** Ollama's NDJSON stream against the simulator, which streams as Ollama documents it. */
class OllamaStreamingTest {

    private static final Duration SECOND = Duration.ofSeconds(1);

    private static LlmRequest hello() {
        return new LlmRequest(0, "ollama-stream-1", "acme", null, null,
                List.of(ChatMessage.user("Say hello to the whole wide world")), null, null, null, null, null, null);
    }

    @Test
    void piecesAddUpToTheAnswerWithItsUsage() throws Exception {
        try (OllamaSimulator simulator = OllamaSimulator.start(Duration.ZERO, List.of("llama3.2:1b"))) {
            OllamaClient client = new OllamaClient(simulator.baseUrl(), SECOND, Duration.ofSeconds(5), SECOND);
            CallResult whole = client.chat("llama3.2:1b", hello());
            List<String> pieces = new CopyOnWriteArrayList<>();
            List<ToolCallDelta> calls = new CopyOnWriteArrayList<>();
            CallResult streamed = client.stream("llama3.2:1b", hello(), null, AnswerPieces.of(pieces::add, calls::add));

            assertThat(streamed).isInstanceOf(CallResult.Answered.class);
            CallResult.Answered answer = (CallResult.Answered) streamed;
            assertThat(pieces).hasSizeGreaterThan(2);
            assertThat(String.join("", pieces)).isEqualTo(answer.answer())
                    .isEqualTo(((CallResult.Answered) whole).answer());
            assertThat(answer.usage()).isEqualTo(((CallResult.Answered) whole).usage());
            assertThat(simulator.lastRequest().body().path("stream").asBoolean()).isTrue();
        }
    }

    @Test
    void aMissingModelAndAStreamThatOutlivesTheTimeoutFail() throws Exception {
        try (OllamaSimulator simulator = OllamaSimulator.start(Duration.ZERO, List.of("llama3.2:1b"))) {
            OllamaClient client = new OllamaClient(simulator.baseUrl(), SECOND, Duration.ofSeconds(5), SECOND);
            CallResult missing = client.stream("nope:1b", hello(), null, AnswerPieces.of(piece -> {
            }, call -> {
            }));
            assertThat(((CallResult.Failed) missing).error().message()).contains("not found");

            simulator.setFrameDelay(Duration.ofMillis(200));
            CallResult slow = client.stream("llama3.2:1b", hello(), Duration.ofMillis(500), AnswerPieces.of(piece -> {
            }, call -> {
            }));
            assertThat(((CallResult.Failed) slow).error().code()).isEqualTo(ErrorCode.TIMEOUT);
        }
    }
}
