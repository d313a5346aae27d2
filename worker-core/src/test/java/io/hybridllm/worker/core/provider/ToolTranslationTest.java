package io.hybridllm.worker.core.provider;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.hybridllm.contracts.ChatMessage;
import io.hybridllm.contracts.FinishReason;
import io.hybridllm.contracts.GenerationOptions;
import io.hybridllm.contracts.LlmRequest;
import io.hybridllm.contracts.ProviderKind;
import io.hybridllm.contracts.ResponseFormat;
import io.hybridllm.contracts.Role;
import io.hybridllm.contracts.Tool;
import io.hybridllm.contracts.ToolCall;
import io.hybridllm.contracts.ToolChoice;
import io.hybridllm.contracts.json.Json;
import io.hybridllm.worker.core.CallResult;

/**
 * Each adapter's translation of tools, tool turns, response formats and generation fields into its provider's request,
 * and of its provider's answer (text, tool calls, why it stopped) back, on the documented shapes.
 */
class ToolTranslationTest {

    private static final Tool WEATHER = new Tool("get_weather", "The weather",
            json("{\"type\":\"object\",\"properties\":{\"city\":{\"type\":\"string\"}}}"), true);

    static JsonNode json(String text) {
        try {
            return Json.mapper().readTree(text);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** A round of tool use: the question, the model's call, its result; tools offered, one required by name. */
    static LlmRequest toolRound() {
        GenerationOptions options = new GenerationOptions(100, null, 0.5, List.of("END"), 7L, 0.1, 0.2, "user-42",
                List.of(WEATHER), new ToolChoice(ToolChoice.Mode.FUNCTION, "get_weather"), false, null);
        return new LlmRequest(0, "tools-1", "acme", null, null,
                List.of(new ChatMessage(Role.SYSTEM, "Be brief."), ChatMessage.user("Weather in Paris?"),
                        new ChatMessage(Role.ASSISTANT, "",
                                List.of(new ToolCall("call_1", "get_weather", "{\"city\":\"Paris\"}")), null, null),
                        new ChatMessage(Role.TOOL, "18 C", null, "call_1", null)),
                options, null, null, null, null, null);
    }

    static LlmRequest jsonSchema() {
        GenerationOptions options = new GenerationOptions(null, null, null, null, null, null, null, null, null, null,
                null,
                new ResponseFormat(ResponseFormat.Type.JSON_SCHEMA, "answer", json("{\"type\":\"object\"}"), true));
        return new LlmRequest(0, "json-1", "acme", null, null, List.of(ChatMessage.user("JSON please")), options, null,
                null, null, null, null);
    }

    private static WireFormat format(ProviderKind kind) {
        return WireFormats.of(ProviderSettings.of(kind.name().toLowerCase(), kind, "http://localhost:1",
                KeySupplier.fixed("k", "KEY")));
    }

    @Test
    void openAiShapedRequestsCarryToolsToolTurnsAndEveryGenerationField() {
        JsonNode body = ((OpenAiFormat) format(ProviderKind.OPENAI)).body("gpt-4o", toolRound());
        assertThat(body.path("messages").get(2).toString()).isEqualTo("{\"role\":\"assistant\",\"content\":null,"
                + "\"tool_calls\":[{\"id\":\"call_1\",\"type\":\"function\",\"function\":{\"name\":\"get_weather\","
                + "\"arguments\":\"{\\\"city\\\":\\\"Paris\\\"}\"}}]}");
        assertThat(body.path("messages").get(3).toString())
                .isEqualTo("{\"role\":\"tool\",\"content\":\"18 C\",\"tool_call_id\":\"call_1\"}");
        assertThat(body.path("tools").get(0).path("function").path("strict").asBoolean()).isTrue();
        assertThat(body.path("tool_choice").toString())
                .isEqualTo("{\"type\":\"function\",\"function\":{\"name\":\"get_weather\"}}");
        assertThat(body.path("parallel_tool_calls").asBoolean(true)).isFalse();
        assertThat(body.path("top_p").asDouble()).isEqualTo(0.5);
        assertThat(body.path("stop").toString()).isEqualTo("[\"END\"]");
        assertThat(body.path("seed").asLong()).isEqualTo(7);
        assertThat(body.path("presence_penalty").asDouble()).isEqualTo(0.1);
        assertThat(body.path("frequency_penalty").asDouble()).isEqualTo(0.2);
        assertThat(body.path("user").asText()).isEqualTo("user-42");
        assertThat(body.path("max_completion_tokens").asInt()).isEqualTo(100);

        JsonNode mistral = ((OpenAiFormat) format(ProviderKind.MISTRAL)).body("mistral-small", toolRound());
        assertThat(mistral.path("random_seed").asLong()).isEqualTo(7);
        assertThat(mistral.has("seed") || mistral.has("user")).isFalse();

        JsonNode schema = ((OpenAiFormat) format(ProviderKind.AZURE_OPENAI)).body("gpt-4o", jsonSchema());
        assertThat(schema.path("response_format").toString()).isEqualTo("{\"type\":\"json_schema\",\"json_schema\":"
                + "{\"name\":\"answer\",\"schema\":{\"type\":\"object\"},\"strict\":true}}");
    }

    @Test
    void openAiShapedAnswersGiveToolCallsAndTrueFinishReasons() {
        WireFormat openai = format(ProviderKind.OPENAI);
        CallResult.Answered calls = (CallResult.Answered) openai.answer(json("{\"choices\":[{\"index\":0,"
                + "\"message\":{\"role\":\"assistant\",\"content\":null,\"tool_calls\":[{\"id\":\"call_9\","
                + "\"type\":\"function\",\"function\":{\"name\":\"get_weather\",\"arguments\":\"{\\\"city\\\":"
                + "\\\"Lyon\\\"}\"}}]},\"finish_reason\":\"tool_calls\"}],\"usage\":{\"prompt_tokens\":9,"
                + "\"completion_tokens\":4}}"));
        assertThat(calls.finishReason()).isEqualTo(FinishReason.TOOL_CALLS);
        assertThat(calls.toolCalls()).containsExactly(new ToolCall("call_9", "get_weather", "{\"city\":\"Lyon\"}"));
        assertThat(calls.answer()).isEmpty();
        CallResult.Answered cut = (CallResult.Answered) openai.answer(
                json("{\"choices\":[{\"message\":{\"content\":" + "\"Once upon\"},\"finish_reason\":\"length\"}]}"));
        assertThat(cut.finishReason()).isEqualTo(FinishReason.LENGTH);
        assertThat(cut.truncated()).isTrue();
    }

    @Test
    void anthropicGetsToolUseAndToolResultBlocksAndJsonInTheSystemPrompt() {
        JsonNode body = ((AnthropicFormat) format(ProviderKind.ANTHROPIC)).body("claude", toolRound());
        assertThat(body.path("messages").get(1).toString()).isEqualTo("{\"role\":\"assistant\",\"content\":["
                + "{\"type\":\"tool_use\",\"id\":\"call_1\",\"name\":\"get_weather\",\"input\":{\"city\":\"Paris\"}}]}");
        assertThat(body.path("messages").get(2).toString()).isEqualTo("{\"role\":\"user\",\"content\":["
                + "{\"type\":\"tool_result\",\"tool_use_id\":\"call_1\",\"content\":\"18 C\"}]}");
        assertThat(body.path("tools").get(0).path("input_schema").path("type").asText()).isEqualTo("object");
        assertThat(body.path("tool_choice").toString())
                .isEqualTo("{\"type\":\"tool\",\"name\":\"get_weather\",\"disable_parallel_tool_use\":true}");
        assertThat(body.path("stop_sequences").toString()).isEqualTo("[\"END\"]");
        assertThat(body.path("metadata").path("user_id").asText()).isEqualTo("user-42");
        assertThat(body.has("seed")).isFalse();
        JsonNode json = ((AnthropicFormat) format(ProviderKind.ANTHROPIC)).body("claude", jsonSchema());
        assertThat(json.path("system").asText()).contains("JSON only", "{\"type\":\"object\"}");

        WireFormat anthropic = format(ProviderKind.ANTHROPIC);
        CallResult.Answered calls = (CallResult.Answered) anthropic.answer(json("{\"content\":[{\"type\":\"text\","
                + "\"text\":\"Checking.\"},{\"type\":\"tool_use\",\"id\":\"toolu_1\",\"name\":\"get_weather\","
                + "\"input\":{\"city\":\"Paris\"}}],\"stop_reason\":\"tool_use\",\"usage\":{\"input_tokens\":5,"
                + "\"output_tokens\":3}}"));
        assertThat(calls.finishReason()).isEqualTo(FinishReason.TOOL_CALLS);
        assertThat(calls.toolCalls()).containsExactly(new ToolCall("toolu_1", "get_weather", "{\"city\":\"Paris\"}"));
        CallResult.Answered cut = (CallResult.Answered) anthropic.answer(
                json("{\"content\":[{\"type\":\"text\"," + "\"text\":\"Once\"}],\"stop_reason\":\"max_tokens\"}"));
        assertThat(cut.finishReason()).isEqualTo(FinishReason.LENGTH);
    }

    @Test
    void geminiGetsFunctionCallsResponsesAndAJsonMimeType() {
        JsonNode body = ((GeminiFormat) format(ProviderKind.GEMINI)).body(toolRound());
        assertThat(body.path("contents").get(1).toString()).isEqualTo("{\"role\":\"model\",\"parts\":["
                + "{\"functionCall\":{\"name\":\"get_weather\",\"args\":{\"city\":\"Paris\"}}}]}");
        assertThat(body.path("contents").get(2).toString()).isEqualTo("{\"role\":\"user\",\"parts\":["
                + "{\"functionResponse\":{\"name\":\"get_weather\",\"response\":{\"content\":\"18 C\"}}}]}");
        assertThat(body.path("toolConfig").toString())
                .isEqualTo("{\"functionCallingConfig\":{\"mode\":\"ANY\",\"allowedFunctionNames\":[\"get_weather\"]}}");
        assertThat(body.path("tools").get(0).path("functionDeclarations").get(0).has("parametersJsonSchema")).isTrue();
        JsonNode config = body.path("generationConfig");
        assertThat(config.path("topP").asDouble()).isEqualTo(0.5);
        assertThat(config.path("stopSequences").toString()).isEqualTo("[\"END\"]");
        assertThat(config.path("seed").asLong()).isEqualTo(7);
        JsonNode json = ((GeminiFormat) format(ProviderKind.GEMINI)).body(jsonSchema()).path("generationConfig");
        assertThat(json.path("responseMimeType").asText()).isEqualTo("application/json");
        assertThat(json.path("responseJsonSchema").path("type").asText()).isEqualTo("object");

        WireFormat gemini = format(ProviderKind.GEMINI);
        CallResult.Answered calls = (CallResult.Answered) gemini.answer(json("{\"candidates\":[{\"content\":"
                + "{\"role\":\"model\",\"parts\":[{\"functionCall\":{\"name\":\"get_weather\",\"args\":{\"city\":"
                + "\"Paris\"}}}]},\"finishReason\":\"STOP\"}]}"));
        assertThat(calls.finishReason()).isEqualTo(FinishReason.TOOL_CALLS);
        assertThat(calls.toolCalls()).singleElement().extracting(ToolCall::name).isEqualTo("get_weather");
        CallResult.Answered cut = (CallResult.Answered) gemini.answer(json("{\"candidates\":[{\"content\":"
                + "{\"parts\":[{\"text\":\"Once\"}]},\"finishReason\":\"MAX_TOKENS\"}]}"));
        assertThat(cut.finishReason()).isEqualTo(FinishReason.LENGTH);
    }

    @Test
    void cohereOffersANamedFunctionAloneAndRequiredAndReadsItsFinishReasons() {
        JsonNode body = ((CohereFormat) format(ProviderKind.COHERE)).body("command-r", toolRound());
        assertThat(body.path("messages").get(3).toString())
                .isEqualTo("{\"role\":\"tool\",\"content\":\"18 C\",\"tool_call_id\":\"call_1\"}");
        assertThat(body.path("tool_choice").asText()).isEqualTo("REQUIRED");
        assertThat(body.path("tools")).hasSize(1);
        assertThat(body.path("p").asDouble()).isEqualTo(0.5);
        assertThat(body.path("stop_sequences").toString()).isEqualTo("[\"END\"]");
        JsonNode json = ((CohereFormat) format(ProviderKind.COHERE)).body("command-r", jsonSchema());
        assertThat(json.path("response_format").toString())
                .isEqualTo("{\"type\":\"json_object\",\"json_schema\":{\"type\":\"object\"}}");

        WireFormat cohere = format(ProviderKind.COHERE);
        CallResult.Answered calls = (CallResult.Answered) cohere.answer(json("{\"finish_reason\":\"TOOL_CALL\","
                + "\"message\":{\"role\":\"assistant\",\"tool_plan\":\"I will look it up\",\"tool_calls\":[{\"id\":"
                + "\"get_weather_1\",\"type\":\"function\",\"function\":{\"name\":\"get_weather\",\"arguments\":"
                + "\"{\\\"city\\\":\\\"Paris\\\"}\"}}]}}"));
        assertThat(calls.finishReason()).isEqualTo(FinishReason.TOOL_CALLS);
        assertThat(calls.toolCalls()).singleElement().extracting(ToolCall::id).isEqualTo("get_weather_1");
        CallResult.Answered cut = (CallResult.Answered) cohere.answer(json("{\"finish_reason\":\"MAX_TOKENS\","
                + "\"message\":{\"content\":[{\"type\":\"text\",\"text\":\"Once\"}]}}"));
        assertThat(cut.finishReason()).isEqualTo(FinishReason.LENGTH);
    }
}
