package io.hybridllm.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import io.hybridllm.contracts.StreamChunk.ToolCallDelta;
import io.hybridllm.contracts.json.InvalidMessageException;
import io.hybridllm.contracts.json.Json;

class StreamChunkTest {

    @Test
    void aChunkWrittenBeforeToolCallsWereStreamedReadsAsText() {
        StreamChunk chunk = Json.read("""
                {"schema_version":1,"request_id":"r-1","attempt":1,"sequence":0,"provider":"openai",
                 "model":"gpt-4o-mini","delta":"Hello"}""", StreamChunk.class);

        assertThat(chunk.delta()).isEqualTo("Hello");
        assertThat(chunk.toolCall()).isNull();
    }

    @Test
    void aToolCallPieceTravelsBesideAnEmptyDelta() {
        StreamChunk chunk = new StreamChunk("r-1", 1, 2, new Target("openai", "gpt-4o-mini", Tier.CLOUD),
                new ToolCallDelta(1, "call_9", "get_weather", "{\"city\":"));

        String json = Json.write(chunk);

        assertThat(json).contains("\"tool_call\":{\"index\":1,\"id\":\"call_9\",\"name\":\"get_weather\"");
        assertThat(Json.read(json, StreamChunk.class)).isEqualTo(chunk);
        assertThat(chunk.toolCall().begins()).isTrue();
        assertThat(new ToolCallDelta(1, null, null, "\"Paris\"}").begins()).isFalse();
    }

    @Test
    void toolCallPiecesAreBoundedLikeText() {
        assertThatThrownBy(() -> new ToolCallDelta(StreamChunk.MAX_TOOL_CALLS, null, null, "x"))
                .isInstanceOf(InvalidMessageException.class).hasMessageStartingWith("tool_call.index");
        assertThatThrownBy(() -> new ToolCallDelta(0, null, null, "x".repeat(StreamChunk.MAX_DELTA_CHARS + 1)))
                .isInstanceOf(InvalidMessageException.class).hasMessageStartingWith("tool_call.arguments");
        assertThatThrownBy(() -> new StreamChunk(1, "r-1", 1, 0, "p", "m", "text", new ToolCallDelta(0, "c", "f", "")))
                .isInstanceOf(InvalidMessageException.class).hasMessageStartingWith("delta");
    }
}
