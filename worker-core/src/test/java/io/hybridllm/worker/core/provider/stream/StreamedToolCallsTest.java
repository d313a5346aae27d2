package io.hybridllm.worker.core.provider.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.hybridllm.contracts.ErrorInfo.ErrorCode;
import io.hybridllm.contracts.FinishReason;
import io.hybridllm.contracts.StreamChunk;
import io.hybridllm.contracts.StreamChunk.ToolCallDelta;
import io.hybridllm.contracts.ToolCall;
import io.hybridllm.worker.core.AnswerPieces;
import io.hybridllm.worker.core.CallResult;

/**
 * Tool calls in each provider's stream, as the providers document the events: the pieces handed on as they come, and
 * the answer's tool calls assembled from the same pieces.
 */
class StreamedToolCallsTest {

    private final List<String> text = new ArrayList<>();
    private final List<ToolCallDelta> pieces = new ArrayList<>();

    private CallResult read(String body, Framing framing, StreamReader reader) throws IOException {
        return StreamedCall.read(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)), framing, reader, "p",
                StreamLimits.DEFAULT, AnswerPieces.of(text::add, pieces::add));
    }

    private CallResult.Answered answered(String body, Framing framing, StreamReader reader) throws IOException {
        CallResult result = read(body, framing, reader);
        assertThat(result).isInstanceOf(CallResult.Answered.class);
        CallResult.Answered answer = (CallResult.Answered) result;
        assertThat(joined()).isEqualTo(answer.toolCalls());
        return answer;
    }

    /** The calls the pieces give, joined as a client joins OpenAI's deltas. */
    private List<ToolCall> joined() {
        Map<Integer, String[]> calls = new LinkedHashMap<>();
        for (ToolCallDelta piece : pieces) {
            if (piece.begins()) {
                assertThat(calls).doesNotContainKey(piece.index());
                calls.put(piece.index(), new String[] { piece.id(), piece.name(), "" });
            }
            calls.get(piece.index())[2] += piece.arguments();
        }
        return calls.isEmpty() ? null : calls.values().stream().map(c -> new ToolCall(c[0], c[1], c[2])).toList();
    }

    @Test
    void openAiParallelCallsInFragments() throws IOException {
        String body = """
                data: {"choices":[{"index":0,"delta":{"role":"assistant","content":null,"tool_calls":[{"index":0,"id":"call_a","type":"function","function":{"name":"get_weather","arguments":""}}]},"finish_reason":null}]}

                data: {"choices":[{"index":0,"delta":{"tool_calls":[{"index":0,"function":{"arguments":"{\\"city\\": "}}]},"finish_reason":null}]}

                data: {"choices":[{"index":0,"delta":{"tool_calls":[{"index":0,"function":{"arguments":"\\"Paris\\"}"}}]},"finish_reason":null}]}

                data: {"choices":[{"index":0,"delta":{"tool_calls":[{"index":1,"id":"call_b","type":"function","function":{"name":"get_time","arguments":"{\\"tz\\":\\"CET\\"}"}}]},"finish_reason":null}]}

                data: {"choices":[{"index":0,"delta":{},"finish_reason":"tool_calls"}]}

                data: {"choices":[],"usage":{"prompt_tokens":80,"completion_tokens":30,"total_tokens":110}}

                data: [DONE]

                """;
        CallResult.Answered answer = answered(body, Framing.SSE, new OpenAiStream("p"));
        assertThat(answer.toolCalls()).containsExactly(new ToolCall("call_a", "get_weather", "{\"city\": \"Paris\"}"),
                new ToolCall("call_b", "get_time", "{\"tz\":\"CET\"}"));
        assertThat(answer.finishReason()).isEqualTo(FinishReason.TOOL_CALLS);
        assertThat(pieces).hasSize(4).first().isEqualTo(new ToolCallDelta(0, "call_a", "get_weather", ""));
        assertThat(text).isEmpty();
    }

    @Test
    void mistralSendsWholeCallsWithoutIndex() throws IOException {
        String body = """
                data: {"choices":[{"index":0,"delta":{"content":"","tool_calls":[{"id":"D681PevKs","function":{"name":"get_weather","arguments":"{\\"city\\": \\"Paris\\"}"}}]},"finish_reason":"tool_calls"}],"usage":{"prompt_tokens":70,"total_tokens":90,"completion_tokens":20}}

                data: [DONE]

                """;
        CallResult.Answered answer = answered(body, Framing.SSE, new OpenAiStream("p"));
        assertThat(answer.toolCalls())
                .containsExactly(new ToolCall("D681PevKs", "get_weather", "{\"city\": \"Paris\"}"));
    }

    @Test
    void anthropicToolUseBlockAfterText() throws IOException {
        String body = """
                event: message_start
                data: {"type":"message_start","message":{"id":"msg_1","type":"message","role":"assistant","content":[],"model":"claude-sonnet-4-5","stop_reason":null,"usage":{"input_tokens":472,"output_tokens":2}}}

                event: content_block_start
                data: {"type":"content_block_start","index":0,"content_block":{"type":"text","text":""}}

                event: content_block_delta
                data: {"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"Let me check."}}

                event: content_block_stop
                data: {"type":"content_block_stop","index":0}

                event: content_block_start
                data: {"type":"content_block_start","index":1,"content_block":{"type":"tool_use","id":"toolu_01T1","name":"get_weather","input":{}}}

                event: content_block_delta
                data: {"type":"content_block_delta","index":1,"delta":{"type":"input_json_delta","partial_json":""}}

                event: content_block_delta
                data: {"type":"content_block_delta","index":1,"delta":{"type":"input_json_delta","partial_json":"{\\"location\\": \\"San Fra"}}

                event: content_block_delta
                data: {"type":"content_block_delta","index":1,"delta":{"type":"input_json_delta","partial_json":"ncisco\\"}"}}

                event: content_block_stop
                data: {"type":"content_block_stop","index":1}

                event: message_delta
                data: {"type":"message_delta","delta":{"stop_reason":"tool_use","stop_sequence":null},"usage":{"output_tokens":89}}

                event: message_stop
                data: {"type":"message_stop"}

                """;
        CallResult.Answered answer = answered(body, Framing.SSE, new AnthropicStream("p"));
        assertThat(answer.answer()).isEqualTo("Let me check.");
        assertThat(answer.toolCalls())
                .containsExactly(new ToolCall("toolu_01T1", "get_weather", "{\"location\": \"San Francisco\"}"));
        assertThat(answer.finishReason()).isEqualTo(FinishReason.TOOL_CALLS);
        assertThat(pieces).hasSize(3);
    }

    @Test
    void geminiStreamsWholeFunctionCallsWithoutIds() throws IOException {
        String body = """
                data: {"candidates":[{"content":{"parts":[{"functionCall":{"name":"get_weather","args":{"city":"Paris"}}},{"functionCall":{"name":"get_time","args":{}}}],"role":"model"},"finishReason":"STOP","index":0}],"usageMetadata":{"promptTokenCount":40,"candidatesTokenCount":12,"totalTokenCount":52}}

                """;
        CallResult.Answered answer = answered(body, Framing.SSE, new GeminiStream("p"));
        assertThat(answer.toolCalls()).containsExactly(new ToolCall("call_0", "get_weather", "{\"city\":\"Paris\"}"),
                new ToolCall("call_1", "get_time", "{}"));
        assertThat(answer.finishReason()).isEqualTo(FinishReason.TOOL_CALLS);
    }

    @Test
    void cohereToolPlanThenCallStartDeltaEnd() throws IOException {
        String body = """
                event: message-start
                data: {"id":"c-1","type":"message-start","delta":{"message":{"role":"assistant","content":[],"tool_plan":"","tool_calls":[],"citations":[]}}}

                event: tool-plan-delta
                data: {"type":"tool-plan-delta","delta":{"message":{"tool_plan":"I will look up the weather."}}}

                event: tool-call-start
                data: {"type":"tool-call-start","index":0,"delta":{"message":{"tool_calls":{"id":"get_weather_x1","type":"function","function":{"name":"get_weather","arguments":""}}}}}

                event: tool-call-delta
                data: {"type":"tool-call-delta","index":0,"delta":{"message":{"tool_calls":{"function":{"arguments":"{\\n    \\"location\\""}}}}}

                event: tool-call-delta
                data: {"type":"tool-call-delta","index":0,"delta":{"message":{"tool_calls":{"function":{"arguments":": \\"Toronto\\"}"}}}}}

                event: tool-call-end
                data: {"type":"tool-call-end","index":0}

                event: message-end
                data: {"type":"message-end","delta":{"finish_reason":"TOOL_CALL","usage":{"billed_units":{"input_tokens":37,"output_tokens":19},"tokens":{"input_tokens":920,"output_tokens":60}}}}

                """;
        CallResult.Answered answer = answered(body, Framing.SSE, new CohereStream("p"));
        assertThat(answer.answer()).isEmpty();
        assertThat(answer.toolCalls())
                .containsExactly(new ToolCall("get_weather_x1", "get_weather", "{\n    \"location\": \"Toronto\"}"));
        assertThat(answer.finishReason()).isEqualTo(FinishReason.TOOL_CALLS);
    }

    @Test
    void ollamaSendsWholeCallsWithObjectArguments() throws IOException {
        String body = """
                {"model":"llama3.2","created_at":"2025-05-27T10:00:00Z","message":{"role":"assistant","content":"","tool_calls":[{"function":{"name":"get_weather","arguments":{"city":"Paris"}}}]},"done":false}
                {"model":"llama3.2","created_at":"2025-05-27T10:00:01Z","message":{"role":"assistant","content":""},"done":true,"done_reason":"stop","prompt_eval_count":90,"eval_count":18}
                """;
        CallResult.Answered answer = answered(body, Framing.NDJSON, new OllamaStream("p"));
        assertThat(answer.toolCalls()).containsExactly(new ToolCall("call_0", "get_weather", "{\"city\":\"Paris\"}"));
        assertThat(answer.finishReason()).isEqualTo(FinishReason.TOOL_CALLS);
    }

    @Test
    void longArgumentsAreSplitAndAFragmentOfNoKnownCallFails() throws IOException {
        String arguments = "{\"text\":\"" + "x".repeat(StreamChunk.MAX_DELTA_CHARS) + "\"}";
        String body = "data: {\"choices\":[{\"index\":0,\"delta\":{\"tool_calls\":[{\"index\":0,\"id\":\"c\","
                + "\"function\":{\"name\":\"f\",\"arguments\":"
                + com.fasterxml.jackson.databind.node.TextNode.valueOf(arguments).toString()
                + "}}]},\"finish_reason\":\"tool_calls\"}]}\n\ndata: [DONE]\n\n";
        CallResult.Answered answer = answered(body, Framing.SSE, new OpenAiStream("p"));
        assertThat(answer.toolCalls().get(0).arguments()).isEqualTo(arguments);
        assertThat(pieces).hasSize(2);

        pieces.clear();
        CallResult orphan = read("""
                data: {"choices":[{"index":0,"delta":{"tool_calls":[{"index":3,"function":{"arguments":"{}"}}]}}]}

                """, Framing.SSE, new OpenAiStream("p"));
        assertThat(((CallResult.Failed) orphan).error().code()).isEqualTo(ErrorCode.PROVIDER_ERROR);
        assertThat(((CallResult.Failed) orphan).error().message()).contains("before the call's name");
    }
}
