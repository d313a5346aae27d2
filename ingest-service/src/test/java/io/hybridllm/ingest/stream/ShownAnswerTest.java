package io.hybridllm.ingest.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.hybridllm.contracts.StreamChunk;
import io.hybridllm.contracts.StreamChunk.ToolCallDelta;
import io.hybridllm.contracts.Target;
import io.hybridllm.contracts.Tier;
import io.hybridllm.contracts.ToolCall;

class ShownAnswerTest {

    private static final Target TARGET = new Target("openai", "gpt-4o-mini", Tier.CLOUD);

    private static StreamChunk text(String delta) {
        return new StreamChunk("r-1", 1, 0, TARGET, delta);
    }

    private static StreamChunk call(int index, String id, String name, String arguments) {
        return new StreamChunk("r-1", 1, 0, TARGET, new ToolCallDelta(index, id, name, arguments));
    }

    @Test
    void theRestOfTheTextAndOfEachCallIsWhatTheReplyAdds() {
        ShownAnswer shown = new ShownAnswer(1000);
        assertThat(shown.add(text("Let me"))).isTrue();
        assertThat(shown.add(call(0, "c1", "f", "{\"a\""))).isTrue();

        ShownAnswer.Rest rest = shown.rest("Let me check.",
                List.of(new ToolCall("c1", "f", "{\"a\":1}"), new ToolCall("c2", "g", "{}")));

        assertThat(rest.text()).isEqualTo(" check.");
        assertThat(rest.toolCalls()).containsExactly(new ShownAnswer.CallRest(0, null, null, ":1}"),
                new ShownAnswer.CallRest(1, "c2", "g", "{}"));
        assertThat(shown.chars()).isEqualTo(10);
    }

    @Test
    void piecesOutOfOrderOrBeyondTheBoundAreRefused() {
        ShownAnswer shown = new ShownAnswer(8);
        assertThat(shown.add(call(1, "c2", "g", ""))).as("a call must begin at the next index").isFalse();
        assertThat(shown.add(call(0, null, null, "{}"))).as("a fragment before its call began").isFalse();
        assertThat(shown.add(call(0, "c1", "f", "{"))).isTrue();
        assertThat(shown.add(call(0, "c1", "f", "{"))).as("a call that begins twice").isFalse();
        assertThat(shown.add(text("12345678"))).as("past the bound").isFalse();
    }

    @Test
    void aReplyThatDoesNotContinueWhatWasShownHasNoRest() {
        ShownAnswer shown = new ShownAnswer(1000);
        shown.add(call(0, "c1", "f", "{\"a\""));

        assertThat(shown.rest("", List.of(new ToolCall("c9", "f", "{\"a\":1}")))).as("another id").isNull();
        assertThat(shown.rest("", List.of(new ToolCall("c1", "f", "{\"b\":1}")))).as("other arguments").isNull();
        assertThat(shown.rest("", null)).as("no calls at all").isNull();
        assertThat(shown.rest("", List.of(new ToolCall("c1", "f", "{\"a\"}")))).isNotNull();
    }
}
