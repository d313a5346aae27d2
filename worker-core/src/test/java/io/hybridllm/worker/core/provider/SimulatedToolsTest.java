package io.hybridllm.worker.core.provider;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.hybridllm.contracts.ChatMessage;
import io.hybridllm.contracts.FinishReason;
import io.hybridllm.contracts.GenerationOptions;
import io.hybridllm.contracts.LlmRequest;
import io.hybridllm.contracts.ProviderKind;
import io.hybridllm.contracts.ResponseFormat;
import io.hybridllm.contracts.Tool;
import io.hybridllm.contracts.ToolChoice;
import io.hybridllm.testkit.simulators.OpenAiSimulator;
import io.hybridllm.worker.core.CallResult;
import io.hybridllm.worker.core.quality.QualityCheck;

/** The OpenAI adapter end to end against the simulator: a required tool call, JSON mode, and a cut-off answer. */
class SimulatedToolsTest {

    private static final String KEY = "sk-proj-tools0123456789";
    private static final String MODEL = "gpt-4o-mini";
    private static OpenAiSimulator simulator;

    @BeforeAll
    static void start() {
        simulator = OpenAiSimulator.start(Duration.ZERO, List.of(MODEL), KEY);
    }

    @AfterAll
    static void stop() {
        simulator.close();
    }

    private static CallResult.Answered ask(GenerationOptions options) throws InterruptedException {
        LlmRequest request = new LlmRequest(0, "sim-1", "acme", null, null,
                List.of(ChatMessage.user("What is the weather like in Paris today, please?")), options, null, null,
                null, null, null);
        return Calls.answered(
                Calls.backend(ProviderKind.OPENAI, "openai", simulator.baseUrl() + "/v1", KEY).chat(MODEL, request));
    }

    @Test
    void aRequiredToolIsCalled() throws Exception {
        CallResult.Answered answered = ask(new GenerationOptions(null, null, null, null, null, null, null, null,
                List.of(new Tool("get_weather", null, null, null)), new ToolChoice(ToolChoice.Mode.REQUIRED, null),
                null, null));
        assertThat(answered.finishReason()).isEqualTo(FinishReason.TOOL_CALLS);
        assertThat(answered.toolCalls()).singleElement().satisfies(call -> {
            assertThat(call.name()).isEqualTo("get_weather");
            assertThat(call.arguments()).isEqualTo("{}");
        });
    }

    @Test
    void jsonModeAnswersJsonAndATightBudgetCutsTheAnswerWhichFailsTheCheck() throws Exception {
        GenerationOptions json = new GenerationOptions(null, null, null, null, null, null, null, null, null, null, null,
                new ResponseFormat(ResponseFormat.Type.JSON_OBJECT, null, null, null));
        assertThat(ask(json).answer()).startsWith("{\"answer\":");
        CallResult.Answered cut = ask(new GenerationOptions(2, null));
        assertThat(cut.finishReason()).isEqualTo(FinishReason.LENGTH);
        assertThat(QualityCheck.ofForm(request(), cut).score()).isZero();
    }

    private static LlmRequest request() {
        return new LlmRequest(0, "sim-2", "acme", null, null, List.of(ChatMessage.user("x")), null, null, null, null,
                null, null);
    }
}
