package io.hybridllm.worker.core.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.hybridllm.contracts.ChatMessage;
import io.hybridllm.contracts.FinishReason;
import io.hybridllm.contracts.GenerationOptions;
import io.hybridllm.contracts.LlmRequest;
import io.hybridllm.contracts.ResponseFormat;
import io.hybridllm.contracts.TokenUsage;
import io.hybridllm.contracts.Tool;
import io.hybridllm.contracts.ToolCall;
import io.hybridllm.contracts.ToolChoice;
import io.hybridllm.contracts.json.Json;
import io.hybridllm.worker.core.CallResult;

/** The form a request promised: the check fails an answer that breaks it, so the request moves on or escalates. */
class RequestedFormTest {

    private static final String SCHEMA = "{\"type\":\"object\",\"properties\":{\"name\":{\"type\":\"string\"},"
            + "\"size\":{\"type\":\"integer\"},\"tags\":{\"type\":\"array\",\"items\":{\"enum\":[\"a\",\"b\"]}}},"
            + "\"required\":[\"name\",\"size\"],\"additionalProperties\":false}";

    private static JsonNode json(String text) {
        try {
            return Json.mapper().readTree(text);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static LlmRequest asking(GenerationOptions options) {
        return new LlmRequest(0, "form-1", "acme", null, null, List.of(ChatMessage.user("answer")), options, null, null,
                null, null, null);
    }

    private static GenerationOptions format(ResponseFormat.Type type) {
        return new GenerationOptions(null, null, null, null, null, null, null, null, null, null, null,
                new ResponseFormat(type, "thing", type == ResponseFormat.Type.JSON_SCHEMA ? json(SCHEMA) : null, true));
    }

    private static QualityCheck.Verdict check(GenerationOptions options, String answer) {
        return QualityCheck.of(asking(options), new CallResult.Answered(answer, TokenUsage.NONE));
    }

    @Test
    void aJsonSchemaIsHeldToItsTypesRequiredPropertiesItemsAndEnums() {
        GenerationOptions schema = format(ResponseFormat.Type.JSON_SCHEMA);
        assertThat(check(schema, "{\"name\":\"x\",\"size\":3,\"tags\":[\"a\"]}").score()).isEqualTo(1);
        assertThat(check(schema, "{\"name\":\"x\"}").explain()).contains("$: the required property size is missing");
        assertThat(check(schema, "{\"name\":\"x\",\"size\":\"3\"}").explain()).contains("$.size: expected");
        assertThat(check(schema, "{\"name\":\"x\",\"size\":3,\"tags\":[\"c\"]}").explain())
                .contains("$.tags[0]: \"c\" is not one of");
        assertThat(check(schema, "{\"name\":\"x\",\"size\":3,\"extra\":1}").explain())
                .contains("the property extra is not allowed");
        assertThat(check(schema, "not json").score()).isZero();
        assertThat(check(format(ResponseFormat.Type.JSON_OBJECT), "[1]").score()).isZero();
        assertThat(check(format(ResponseFormat.Type.JSON_OBJECT), "{\"a\":1}").score()).isEqualTo(1);
    }

    @Test
    void aRequiredToolCallMustBeMadeToTheNamedFunctionWithObjectArguments() {
        Tool weather = new Tool("get_weather", null, null, null);
        GenerationOptions named = new GenerationOptions(null, null, null, null, null, null, null, null,
                List.of(weather, new Tool("other", null, null, null)),
                new ToolChoice(ToolChoice.Mode.FUNCTION, "get_weather"), null, null);
        LlmRequest request = asking(named);
        assertThat(QualityCheck.of(request, new CallResult.Answered("It is sunny", TokenUsage.NONE)).explain())
                .contains("a tool call was required");
        assertThat(QualityCheck.of(request,
                new CallResult.Answered("", TokenUsage.NONE, FinishReason.TOOL_CALLS,
                        List.of(new ToolCall("c", "other", "{}"))))
                .explain()).contains("another function than get_weather");
        assertThat(QualityCheck.of(request,
                new CallResult.Answered("", TokenUsage.NONE, FinishReason.TOOL_CALLS,
                        List.of(new ToolCall("c", "get_weather", "{\"city\":"))))
                .explain()).contains("arguments that are no JSON object");
        assertThat(
                QualityCheck.of(request,
                        new CallResult.Answered("", TokenUsage.NONE, FinishReason.TOOL_CALLS,
                                List.of(new ToolCall("c", "get_weather", "{\"city\":\"Paris\"}"))))
                        .score()).isEqualTo(1);
    }

    @Test
    void aCloudAnswerIsHeldToTheFormOnly() {
        LlmRequest plain = asking(GenerationOptions.DEFAULTS);
        assertThat(QualityCheck.ofForm(plain, new CallResult.Answered("ok", TokenUsage.NONE)))
                .isSameAs(QualityCheck.Verdict.UNCHECKED);
        assertThat(QualityCheck.ofForm(plain, new CallResult.Answered("Once", TokenUsage.NONE, true)).score()).isZero();
    }

    @Test
    void aLargeAnswerIsCheckedWholeAndItsLastElementCounts() {
        // The check walks the answer once, whatever its size, and the last of 200,000 elements still counts.
        StringBuilder answer = new StringBuilder("{\"name\":\"x\",\"size\":1,\"tags\":[");
        for (int i = 0; i < 200_000; i++) {
            answer.append(i == 0 ? "" : ",").append("\"a\"");
        }
        assertThat(check(format(ResponseFormat.Type.JSON_SCHEMA), answer + "]}").score()).isEqualTo(1);
        assertThat(check(format(ResponseFormat.Type.JSON_SCHEMA), answer + ",7]}").score()).isZero();
    }
}
