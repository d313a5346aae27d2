package io.hybridllm.worker.local.backend;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.hybridllm.contracts.ChatMessage;
import io.hybridllm.contracts.FinishReason;
import io.hybridllm.contracts.GenerationOptions;
import io.hybridllm.contracts.LlmRequest;
import io.hybridllm.contracts.ResponseFormat;
import io.hybridllm.contracts.StreamChunk.ToolCallDelta;
import io.hybridllm.contracts.Tool;
import io.hybridllm.contracts.ToolCall;
import io.hybridllm.contracts.json.Json;
import io.hybridllm.testkit.simulators.OllamaSimulator;
import io.hybridllm.worker.core.AnswerPieces;
import io.hybridllm.worker.core.CallResult;

/**
 * Ollama's adapter end to end against the simulator: a tool the prompt tells the model to call comes back as a tool
 * call, {@code format} json or a schema answers parseable JSON, and a small num_predict cuts the answer.
 */
class OllamaSimulatedToolsTest {

    private static final String MODEL = "llama3.2:1b";
    private static final Duration SECOND = Duration.ofSeconds(1);
    private static OllamaSimulator simulator;
    private static OllamaClient client;

    @BeforeAll
    static void start() {
        simulator = OllamaSimulator.start(Duration.ZERO, List.of(MODEL));
        client = new OllamaClient(simulator.baseUrl(), SECOND, Duration.ofSeconds(5), SECOND);
    }

    @AfterAll
    static void stop() {
        simulator.close();
    }

    private static LlmRequest request(String prompt, GenerationOptions options) {
        return new LlmRequest(0, "ollama-tools-1", "acme", null, null, List.of(ChatMessage.user(prompt)), options, null,
                null, null, null, null);
    }

    private static CallResult.Answered ask(String prompt, GenerationOptions options) throws InterruptedException {
        return (CallResult.Answered) client.chat(MODEL, request(prompt, options));
    }

    private static GenerationOptions withTools() {
        return new GenerationOptions(null, null, null, null, null, null, null, null,
                List.of(new Tool("get_weather", null, null, null), new Tool("get_time", null, null, null)), null, null,
                null);
    }

    private static GenerationOptions format(ResponseFormat format) {
        return new GenerationOptions(null, null, null, null, null, null, null, null, null, null, null, format);
    }

    @Test
    void aToolThePromptAsksForIsCalledAndOtherwiseTheModelAnswers() throws Exception {
        CallResult.Answered called = ask("Use get_time to tell me the time in Paris.", withTools());
        assertThat(called.finishReason()).isEqualTo(FinishReason.TOOL_CALLS);
        assertThat(called.toolCalls()).singleElement().satisfies(call -> {
            assertThat(call.name()).isEqualTo("get_time");
            assertThat(call.arguments()).isEqualTo("{}");
        });
        CallResult.Answered answered = ask("What is the weather like in Paris?", withTools());
        assertThat(answered.finishReason()).isEqualTo(FinishReason.STOP);
        assertThat(answered.toolCalls()).isNull();
    }

    @Test
    void aStreamedToolCallComesWholeOnItsOwnLineAndIsTheAnswersCall() throws Exception {
        List<ToolCallDelta> pieces = new ArrayList<>();
        CallResult.Answered streamed = (CallResult.Answered) client.stream(MODEL,
                request("Use get_time to tell me the time in Paris.", withTools()), null,
                AnswerPieces.of(text -> assertThat(text).isEmpty(), pieces::add));
        assertThat(streamed.finishReason()).isEqualTo(FinishReason.TOOL_CALLS);
        assertThat(streamed.toolCalls()).singleElement().isEqualTo(new ToolCall("call_0", "get_time", "{}"));
        assertThat(pieces).containsExactly(new ToolCallDelta(0, "call_0", "get_time", "{}"));
    }

    @Test
    void formatJsonOrASchemaAnswersParseableJson() throws Exception {
        JsonNode schema = Json.mapper()
                .readTree("{\"type\":\"object\",\"properties\":{\"answer\":{\"type\":\"string\"}}}");
        for (ResponseFormat wanted : List.of(new ResponseFormat(ResponseFormat.Type.JSON_OBJECT, null, null, null),
                new ResponseFormat(ResponseFormat.Type.JSON_SCHEMA, "answer", schema, null))) {
            CallResult.Answered answered = ask("What is the weather like in Paris?", format(wanted));
            assertThat(Json.mapper().readTree(answered.answer()).path("answer").asText()).contains("Paris");
        }
        assertThat(ask("What is the weather like in Paris?", GenerationOptions.DEFAULTS).answer())
                .startsWith("[simulated");
    }

    @Test
    void aSmallNumPredictCutsTheAnswerWhetherStreamedOrNot() throws Exception {
        GenerationOptions tight = new GenerationOptions(2, null);
        CallResult.Answered cut = ask("What is the weather like in Paris?", tight);
        assertThat(cut.finishReason()).isEqualTo(FinishReason.LENGTH);
        assertThat(cut.answer()).hasSizeLessThanOrEqualTo(8);
        assertThat(simulator.lastRequest().body().path("options").path("num_predict").asInt()).isEqualTo(2);
        CallResult streamed = client.stream(MODEL, request("What is the weather like in Paris?", tight), null,
                AnswerPieces.of(piece -> {
                }, call -> {
                }));
        assertThat(((CallResult.Answered) streamed).finishReason()).isEqualTo(FinishReason.LENGTH);
    }
}
