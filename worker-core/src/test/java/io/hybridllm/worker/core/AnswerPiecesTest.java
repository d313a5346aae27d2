package io.hybridllm.worker.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.hybridllm.contracts.FinishReason;
import io.hybridllm.contracts.LlmRequest;
import io.hybridllm.contracts.StreamChunk;
import io.hybridllm.contracts.StreamChunk.ToolCallDelta;
import io.hybridllm.contracts.Tier;
import io.hybridllm.contracts.TokenUsage;
import io.hybridllm.contracts.ToolCall;

class AnswerPiecesTest {

    private final List<String> text = new ArrayList<>();
    private final List<ToolCallDelta> calls = new ArrayList<>();
    private final AnswerPieces pieces = AnswerPieces.of(text::add, calls::add);

    @Test
    void wholeCallsBecomePiecesTheirArgumentsSplitToFit() {
        String arguments = "x".repeat(StreamChunk.MAX_DELTA_CHARS + 5);
        pieces.toolCalls(List.of(new ToolCall("c1", "f", "{}"), new ToolCall("c2", "g", arguments)));

        assertThat(calls).containsExactly(new ToolCallDelta(0, "c1", "f", "{}"),
                new ToolCallDelta(1, "c2", "g", arguments.substring(0, StreamChunk.MAX_DELTA_CHARS)),
                new ToolCallDelta(1, null, null, "xxxxx"));
    }

    @Test
    void aBackendThatCannotStreamHandsOverItsWholeAnswer() throws InterruptedException {
        ModelBackend whole = new ModelBackend() {
            @Override
            public String provider() {
                return "whole";
            }

            @Override
            public String defaultModel(Tier tier) {
                return "m";
            }

            @Override
            public String baseUrl() {
                return "http://localhost:1";
            }

            @Override
            public List<String> models() {
                return List.of("m");
            }

            @Override
            public CallResult chat(String model, LlmRequest request) {
                return new CallResult.Answered("Checking.", new TokenUsage(1, 1), FinishReason.TOOL_CALLS,
                        List.of(new ToolCall("c1", "f", "{}")));
            }
        };

        whole.stream("m", null, null, pieces);

        assertThat(text).containsExactly("Checking.");
        assertThat(calls).containsExactly(new ToolCallDelta(0, "c1", "f", "{}"));
    }
}
