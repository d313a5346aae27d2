package io.hybridllm.worker.core.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.fasterxml.jackson.databind.JsonNode;

import io.hybridllm.contracts.ChatMessage;
import io.hybridllm.contracts.FinishReason;
import io.hybridllm.contracts.GenerationOptions;
import io.hybridllm.contracts.LlmRequest;
import io.hybridllm.contracts.ProviderKind;
import io.hybridllm.contracts.ResponseFormat;
import io.hybridllm.contracts.StreamChunk.ToolCallDelta;
import io.hybridllm.contracts.Tool;
import io.hybridllm.contracts.ToolCall;
import io.hybridllm.contracts.ToolChoice;
import io.hybridllm.contracts.json.Json;
import io.hybridllm.testkit.simulators.CloudSimulator;
import io.hybridllm.worker.core.AnswerPieces;
import io.hybridllm.worker.core.CallResult;

/**
 * The Anthropic, Gemini and Cohere adapters end to end against their simulators, each in its provider's wire format: a
 * required tool comes back as a tool call, JSON mode answers parseable JSON, and a small max_tokens cuts the answer. A
 * required tool streamed (OpenAI too) gives the same call, its pieces joining into the call the answer keeps.
 */
class SimulatedProviderToolsTest {

    private static final String KEY = "sim-tools-key-0123456789";
    private static final String MODEL = "sim-model-1";
    private static final Map<ProviderKind, CloudSimulator> SIMULATORS = new EnumMap<>(ProviderKind.class);

    @BeforeAll
    static void start() {
        SIMULATORS.putAll(Calls.simulators(MODEL, KEY, ProviderKind.ANTHROPIC, ProviderKind.GEMINI, ProviderKind.COHERE,
                ProviderKind.OPENAI));
    }

    @AfterAll
    static void stop() {
        SIMULATORS.values().forEach(CloudSimulator::close);
    }

    private static final GenerationOptions REQUIRED = tools(new ToolChoice(ToolChoice.Mode.REQUIRED, null));

    private static ProviderBackend backend(ProviderKind kind) {
        String base = SIMULATORS.get(kind).baseUrl() + (kind == ProviderKind.OPENAI ? "/v1" : "");
        return Calls.backend(kind, kind.name().toLowerCase(Locale.ROOT), base, KEY);
    }

    private static LlmRequest request(ProviderKind kind, GenerationOptions options) {
        return new LlmRequest(0, "sim-" + kind, "acme", null, null,
                List.of(ChatMessage.user("What is the weather like in Paris today, please?")), options, null, null,
                null, null, null);
    }

    private static CallResult.Answered ask(ProviderKind kind, GenerationOptions options) throws InterruptedException {
        return Calls.answered(backend(kind).chat(MODEL, request(kind, options)));
    }

    private static GenerationOptions tools(ToolChoice choice) {
        return new GenerationOptions(null, null, null, null, null, null, null, null,
                List.of(new Tool("get_weather", null, null, null), new Tool("get_time", null, null, null)), choice,
                null, null);
    }

    @ParameterizedTest
    @EnumSource(names = { "ANTHROPIC", "GEMINI", "COHERE" })
    void aRequiredToolIsCalled(ProviderKind kind) throws Exception {
        CallResult.Answered answered = ask(kind, REQUIRED);
        assertThat(answered.finishReason()).isEqualTo(FinishReason.TOOL_CALLS);
        assertThat(answered.toolCalls()).singleElement().satisfies(call -> {
            assertThat(call.name()).isEqualTo("get_weather");
            assertThat(call.arguments()).isEqualTo("{}");
        });
    }

    @ParameterizedTest
    @EnumSource(names = { "ANTHROPIC", "GEMINI", "COHERE" })
    void aNamedFunctionIsTheOneCalled(ProviderKind kind) throws Exception {
        CallResult.Answered answered = ask(kind, tools(new ToolChoice(ToolChoice.Mode.FUNCTION, "get_time")));
        assertThat(answered.finishReason()).isEqualTo(FinishReason.TOOL_CALLS);
        assertThat(answered.toolCalls()).singleElement()
                .satisfies(call -> assertThat(call.name()).isEqualTo("get_time"));
    }

    @ParameterizedTest
    @EnumSource(names = { "ANTHROPIC", "GEMINI", "COHERE" })
    void jsonModeAnswersParseableJson(ProviderKind kind) throws Exception {
        CallResult.Answered answered = ask(kind, new GenerationOptions(null, null, null, null, null, null, null, null,
                null, null, null, new ResponseFormat(ResponseFormat.Type.JSON_OBJECT, null, null, null)));
        JsonNode parsed = Json.mapper().readTree(answered.answer());
        assertThat(parsed.isObject()).isTrue();
        assertThat(parsed.path("answer").asText()).contains("Paris");
        assertThat(answered.finishReason()).isEqualTo(FinishReason.STOP);
    }

    @ParameterizedTest
    @EnumSource(names = { "ANTHROPIC", "GEMINI", "COHERE" })
    void aSmallMaxTokensCutsTheAnswer(ProviderKind kind) throws Exception {
        CallResult.Answered cut = ask(kind, new GenerationOptions(2, null));
        assertThat(cut.finishReason()).isEqualTo(FinishReason.LENGTH);
        assertThat(cut.answer()).hasSizeLessThanOrEqualTo(8);
        assertThat(cut.usage().completionTokens()).isEqualTo(2);
        assertThat(ask(kind, GenerationOptions.DEFAULTS).finishReason()).isEqualTo(FinishReason.STOP);
    }

    /** The calls the pieces give, joined as an OpenAI client joins deltas. */
    private static List<ToolCall> joined(List<ToolCallDelta> pieces) {
        Map<Integer, String[]> calls = new LinkedHashMap<>();
        for (ToolCallDelta piece : pieces) {
            if (piece.begins()) {
                calls.put(piece.index(), new String[] { piece.id(), piece.name(), "" });
            }
            calls.get(piece.index())[2] += piece.arguments();
        }
        return calls.values().stream().map(c -> new ToolCall(c[0], c[1], c[2])).toList();
    }

    @ParameterizedTest
    @EnumSource(names = { "OPENAI", "ANTHROPIC", "GEMINI", "COHERE" })
    void aRequiredToolIsStreamedAsItIsAnsweredWithoutStreaming(ProviderKind kind) throws Exception {
        List<String> text = new ArrayList<>();
        List<ToolCallDelta> pieces = new ArrayList<>();
        CallResult.Answered streamed = Calls.answered(
                backend(kind).stream(MODEL, request(kind, REQUIRED), null, AnswerPieces.of(text::add, pieces::add)));
        CallResult.Answered whole = Calls.answered(backend(kind).chat(MODEL, request(kind, REQUIRED)));

        assertThat(streamed.finishReason()).isEqualTo(FinishReason.TOOL_CALLS);
        assertThat(joined(pieces)).isEqualTo(streamed.toolCalls());
        assertThat(streamed.toolCalls()).extracting(ToolCall::name, ToolCall::arguments)
                .isEqualTo(whole.toolCalls().stream().map(c -> tuple(c.name(), c.arguments())).toList());
        assertThat(String.join("", text)).isEqualTo(whole.answer());
        // Gemini streams a call whole; the others begin it, then write its arguments ("{}" here) in pieces.
        assertThat(pieces).hasSize(kind == ProviderKind.GEMINI ? 1 : 3);
    }
}
