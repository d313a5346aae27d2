package io.hybridllm.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.hybridllm.contracts.json.InvalidMessageException;
import io.hybridllm.contracts.json.Json;

class GenerationOptionsTest {

    private static final Tool WEATHER = new Tool("get_weather", "The weather in a city",
            Json.mapper().createObjectNode().put("type", "object"), null);

    @Test
    void everyOptionRoundTripsUnderItsWireName() {
        GenerationOptions options = new GenerationOptions(64, 0.2, 0.9, List.of("END"), 7L, 0.5, -0.5, "user-42",
                List.of(WEATHER), new ToolChoice(ToolChoice.Mode.FUNCTION, "get_weather"), false,
                new ResponseFormat(ResponseFormat.Type.JSON_OBJECT, null, null, null));
        String json = Json.write(options);
        assertThat(json).contains("\"top_p\":0.9", "\"stop\":[\"END\"]", "\"seed\":7", "\"end_user\":\"user-42\"",
                "\"tool_choice\":{\"mode\":\"function\",\"name\":\"get_weather\"}", "\"parallel_tool_calls\":false",
                "\"response_format\":{\"type\":\"json_object\"}");
        assertThat(Json.read(json, GenerationOptions.class)).isEqualTo(options);
    }

    @Test
    void theTwoArgumentFormKeepsTheDefaults() {
        assertThat(Json.read("{\"max_tokens\":5}", GenerationOptions.class)).isEqualTo(new GenerationOptions(5, null));
    }

    @Test
    void outOfRangeValuesAreRefusedByName() {
        assertThatThrownBy(
                () -> new GenerationOptions(null, null, 1.5, null, null, null, null, null, null, null, null, null))
                        .isInstanceOf(InvalidMessageException.class).hasMessageContaining("top_p");
        assertThatThrownBy(() -> new GenerationOptions(null, null, null, List.of("a", "b", "c", "d", "e"), null, null,
                null, null, null, null, null, null)).hasMessageContaining("stop");
        assertThatThrownBy(() -> new GenerationOptions(null, null, null, null, null, null, null, null, null,
                new ToolChoice(ToolChoice.Mode.REQUIRED, null), null, null)).hasMessageContaining("tool_choice");
        assertThatThrownBy(() -> new GenerationOptions(null, null, null, null, null, null, null, null, List.of(WEATHER),
                new ToolChoice(ToolChoice.Mode.FUNCTION, "other"), null, null))
                        .hasMessageContaining("tool_choice.name");
        assertThatThrownBy(() -> new Tool("has space", null, null, null)).hasMessageContaining("tools.name");
    }

    @Test
    void toolTurnsRoundTripAndAReplyCarriesItsFinishReasonAndCalls() {
        ChatMessage call = new ChatMessage(Role.ASSISTANT, "",
                List.of(new ToolCall("call_1", "get_weather", "{\"city\":\"Paris\"}")), null, null);
        ChatMessage result = new ChatMessage(Role.TOOL, "18 C", null, "call_1", "get_weather");
        assertThat(Json.read(Json.write(call), ChatMessage.class)).isEqualTo(call);
        assertThat(Json.read(Json.write(result), ChatMessage.class)).isEqualTo(result);
        assertThat(Json.read("{\"role\":\"user\",\"content\":\"x\"}", ChatMessage.class))
                .isEqualTo(ChatMessage.user("x"));

        LlmReply reply = LlmReply.succeeded(MessagesTest.routed(), new Target("openai", "gpt-4o"), "",
                FinishReason.TOOL_CALLS, call.toolCalls(), TokenUsage.NONE, BigDecimal.ZERO, 1, null, List.of());
        String json = Json.write(reply);
        assertThat(json).contains("\"finish_reason\":\"tool_calls\"", "\"tool_calls\":[{\"id\":\"call_1\"");
        assertThat(Json.read(json, LlmReply.class)).isEqualTo(reply);
        LlmReply older = Json.read(json.replace("\"finish_reason\":\"tool_calls\",", ""), LlmReply.class);
        assertThat(older.finishReason()).isEqualTo(FinishReason.STOP);
    }

    @Test
    void theEndUserIsRecordedWithTheUsage() {
        LlmRequest request = MessagesTest.request();
        LlmRequest forUser = new LlmRequest(1, request.id(), request.tenant(), null, null, request.messages(),
                new GenerationOptions(null, null, null, null, null, null, null, "user-42", null, null, null, null),
                null, null, null, Instant.now(), null);
        UsageEvent event = UsageEvent.forCall(new RoutedRequest(forUser, MessagesTest.routed().decision()),
                new Target("openai", "gpt-4o"), TokenUsage.NONE, BigDecimal.ZERO, 1, Attempt.Outcome.SUCCEEDED, null);
        assertThat(event.endUser()).isEqualTo("user-42");
        assertThat(Json.read(Json.write(event), UsageEvent.class)).isEqualTo(event);
        // The cost service stores it: an event from elsewhere is held to the same bound as the request was.
        String tooLong = Json.write(event).replace("user-42", "u".repeat(257));
        assertThatThrownBy(() -> Json.read(tooLong, UsageEvent.class)).isInstanceOf(InvalidMessageException.class)
                .hasMessageContaining("end_user");
    }
}
