package io.hybridllm.worker.core.provider.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.hybridllm.contracts.ErrorInfo.ErrorCode;
import io.hybridllm.contracts.StreamChunk;
import io.hybridllm.contracts.StreamChunk.ToolCallDelta;
import io.hybridllm.contracts.TokenUsage;
import io.hybridllm.worker.core.AnswerPieces;
import io.hybridllm.worker.core.CallResult;

/** Each provider's stream format, read from bytes as the provider documents them, including what goes wrong. */
class StreamReadersTest {

    private static final StreamLimits SMALL = new StreamLimits(256, 512, 1000);

    private final List<String> pieces = new ArrayList<>();
    private final List<ToolCallDelta> calls = new ArrayList<>();

    private CallResult read(String body, Framing framing, StreamReader reader, StreamLimits limits) throws IOException {
        return StreamedCall.read(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)), framing, reader, "p",
                limits, AnswerPieces.of(pieces::add, calls::add));
    }

    private CallResult sse(String body, StreamReader reader) throws IOException {
        return read(body, Framing.SSE, reader, StreamLimits.DEFAULT);
    }

    private static CallResult.Answered answered(CallResult result) {
        assertThat(result).isInstanceOf(CallResult.Answered.class);
        return (CallResult.Answered) result;
    }

    private static CallResult.Failed failed(CallResult result) {
        assertThat(result).isInstanceOf(CallResult.Failed.class);
        return (CallResult.Failed) result;
    }

    @Test
    void openAiChunksWithUsageLastAndDone() throws IOException {
        String body = """
                : keep-alive comment

                data: {"choices":[{"index":0,"delta":{"role":"assistant","content":""},"finish_reason":null}]}

                data: {"choices":[{"index":0,"delta":{"content":"Hel"},"finish_reason":null}]}\r
                \r
                data: {"choices":[{"index":0,"delta":{"content":"lo"},"finish_reason":null}]}

                data: {"choices":[{"index":0,"delta":{},"finish_reason":"length"}]}

                data: {"choices":[],"usage":{"prompt_tokens":7,"completion_tokens":2,"total_tokens":9}}

                data: [DONE]

                """;
        CallResult.Answered answer = answered(sse(body, new OpenAiStream("p")));
        assertThat(pieces).containsExactly("Hel", "lo");
        assertThat(answer.answer()).isEqualTo("Hello");
        assertThat(answer.usage()).isEqualTo(new TokenUsage(7, 2));
        assertThat(answer.truncated()).isTrue();
    }

    @Test
    void openAiErrorEventAndContentFilterFailTheCall() throws IOException {
        String error = "data: {\"error\":{\"message\":\"The server is overloaded\",\"type\":\"overloaded_error\"}}\n\n";
        assertThat(failed(sse(error, new OpenAiStream("p"))).error().code()).isEqualTo(ErrorCode.OVERLOADED);
        String filtered = "data: {\"choices\":[{\"delta\":{},\"finish_reason\":\"content_filter\"}]}\n\n";
        assertThat(failed(sse(filtered, new OpenAiStream("p"))).error().code()).isEqualTo(ErrorCode.CONTENT_FILTERED);
    }

    @Test
    void aStreamCutOffBeforeItsEndIsAFailureNotAShortAnswer() throws IOException {
        String body = "data: {\"choices\":[{\"delta\":{\"content\":\"Hel\"},\"finish_reason\":null}]}\n\n";
        CallResult.Failed failed = failed(sse(body, new OpenAiStream("p")));
        assertThat(failed.error().code()).isEqualTo(ErrorCode.PROVIDER_ERROR);
        assertThat(failed.error().message()).contains("ended before the answer was complete");
    }

    @Test
    void malformedEventsAreRefusedWithWhatTheyWere() throws IOException {
        CallResult.Failed notJson = failed(sse("data: {\"choices\": [\n\n", new OpenAiStream("p")));
        assertThat(notJson.error().message()).contains("not valid JSON");
        CallResult.Failed text = failed(sse("data: hello\n\n", new AnthropicStream("p")));
        assertThat(text.error().message()).contains("not a JSON object: hello");
    }

    @Test
    void anOversizedLineEventOrAnswerIsRefusedBeforeItIsHeld() throws IOException {
        String longLine = "data: {\"x\":\"" + "a".repeat(300) + "\"}\n\n";
        assertThat(failed(read(longLine, Framing.SSE, new OpenAiStream("p"), SMALL)).error().message())
                .contains("line longer than 256 bytes");
        String manyLines = ("data: " + "b".repeat(200) + "\n").repeat(3) + "\n";
        assertThat(failed(read(manyLines, Framing.SSE, new OpenAiStream("p"), SMALL)).error().message())
                .contains("event longer than 512 characters");
        String piece = "data: {\"choices\":[{\"delta\":{\"content\":\"" + "c".repeat(150) + "\"}}]}\n\n";
        assertThat(failed(read(piece.repeat(7), Framing.SSE, new OpenAiStream("p"), SMALL)).error().message())
                .contains("answer longer than 1000 characters");
    }

    @Test
    void aLongDeltaIsHandedOnInPiecesAChunkCanCarry() throws IOException {
        String text = "d".repeat(StreamChunk.MAX_DELTA_CHARS + 10);
        String body = "data: {\"choices\":[{\"delta\":{\"content\":\"" + text + "\"},\"finish_reason\":\"stop\"}]}\n\n"
                + "data: [DONE]\n\n";
        assertThat(answered(sse(body, new OpenAiStream("p"))).answer()).isEqualTo(text);
        assertThat(pieces).hasSize(2);
        assertThat(pieces.get(0)).hasSize(StreamChunk.MAX_DELTA_CHARS);
    }

    @Test
    void anthropicEventsWithCachedInputAndMaxTokens() throws IOException {
        String body = """
                event: message_start
                data: {"type":"message_start","message":{"usage":{"input_tokens":10,"cache_read_input_tokens":5,"output_tokens":1}}}

                event: ping
                data: {"type": "ping"}

                event: content_block_delta
                data: {"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"Hi"}}

                event: content_block_delta
                data: {"type":"content_block_delta","index":0,"delta":{"type":"signature_delta","signature":"EqQB"}}

                event: message_delta
                data: {"type":"message_delta","delta":{"stop_reason":"max_tokens"},"usage":{"output_tokens":4}}

                event: message_stop
                data: {"type":"message_stop"}

                """;
        CallResult.Answered answer = answered(sse(body, new AnthropicStream("p")));
        assertThat(answer.answer()).isEqualTo("Hi");
        assertThat(answer.usage()).isEqualTo(new TokenUsage(15, 4));
        assertThat(answer.truncated()).isTrue();
        String error = "event: error\ndata: {\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\","
                + "\"message\":\"Overloaded\"}}\n\n";
        assertThat(failed(sse(error, new AnthropicStream("p"))).error().message())
                .isEqualTo("p ended its stream with an error (overloaded_error): Overloaded");
    }

    @Test
    void geminiEndsAtItsFinishReasonAndSkipsThoughts() throws IOException {
        String body = """
                data: {"candidates":[{"content":{"parts":[{"text":"plan","thought":true},{"text":"A"}]}}]}

                data: {"candidates":[{"content":{"parts":[{"text":"B"}]},"finishReason":"STOP"}],"usageMetadata":{"promptTokenCount":3,"candidatesTokenCount":2,"thoughtsTokenCount":5}}

                """;
        CallResult.Answered answer = answered(sse(body, new GeminiStream("p")));
        assertThat(answer.answer()).isEqualTo("AB");
        assertThat(answer.usage()).isEqualTo(new TokenUsage(3, 7));
        String blocked = "data: {\"candidates\":[{\"finishReason\":\"SAFETY\"}]}\n\n";
        assertThat(failed(sse(blocked, new GeminiStream("p"))).error().code()).isEqualTo(ErrorCode.CONTENT_FILTERED);
    }

    @Test
    void cohereMessageEndCarriesBilledUnits() throws IOException {
        String body = """
                event: content-delta
                data: {"type":"content-delta","index":0,"delta":{"message":{"content":{"text":"Yes"}}}}

                event: message-end
                data: {"type":"message-end","delta":{"finish_reason":"MAX_TOKENS","usage":{"billed_units":{"input_tokens":6,"output_tokens":1},"tokens":{"input_tokens":70,"output_tokens":1}}}}

                """;
        CallResult.Answered answer = answered(sse(body, new CohereStream("p")));
        assertThat(answer.answer()).isEqualTo("Yes");
        assertThat(answer.usage()).isEqualTo(new TokenUsage(6, 1));
        assertThat(answer.truncated()).isTrue();
    }

    @Test
    void ollamaNdjsonEndsWithDone() throws IOException {
        String body = """
                {"message":{"role":"assistant","content":"Hi"},"done":false}
                {"message":{"role":"assistant","content":" there"},"done":false}
                {"message":{"role":"assistant","content":""},"done":true,"done_reason":"stop","prompt_eval_count":8,"eval_count":2}
                """;
        CallResult.Answered answer = answered(read(body, Framing.NDJSON, new OllamaStream("p"), StreamLimits.DEFAULT));
        assertThat(pieces).containsExactly("Hi", " there");
        assertThat(answer.usage()).isEqualTo(new TokenUsage(8, 2));
        CallResult.Failed error = failed(read("{\"error\":\"model 'x' not found\"}\n", Framing.NDJSON,
                new OllamaStream("p"), StreamLimits.DEFAULT));
        assertThat(error.error().message()).contains("model 'x' not found");
    }
}
