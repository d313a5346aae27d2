package io.hybridllm.worker.local.backend;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.hybridllm.contracts.ChatMessage;
import io.hybridllm.contracts.FinishReason;
import io.hybridllm.contracts.GenerationOptions;
import io.hybridllm.contracts.LlmRequest;
import io.hybridllm.contracts.ResponseFormat;
import io.hybridllm.contracts.Role;
import io.hybridllm.contracts.Tool;
import io.hybridllm.contracts.ToolCall;
import io.hybridllm.contracts.json.Json;
import io.hybridllm.worker.core.CallResult;

/** Ollama's translation of tools, tool turns, JSON formats and sampling fields, and its tool calls read back. */
class OllamaToolsTest {

    private static JsonNode json(String text) throws Exception {
        return Json.mapper().readTree(text);
    }

    @Test
    void toolsToolTurnsFormatAndOptionsReachOllama() throws Exception {
        GenerationOptions options = new GenerationOptions(50, null, 0.5, List.of("END"), 7L, null, null, null,
                List.of(new Tool("get_weather", "The weather", json("{\"type\":\"object\"}"), null)), null, null,
                new ResponseFormat(ResponseFormat.Type.JSON_OBJECT, null, null, null));
        LlmRequest request = new LlmRequest(0, "o-1", "acme", null, null, List.of(ChatMessage.user("Weather?"),
                new ChatMessage(Role.ASSISTANT, "", List.of(new ToolCall("c1", "get_weather", "{\"city\":\"Paris\"}")),
                        null, null),
                new ChatMessage(Role.TOOL, "18 C", null, "c1", null)), options, null, null, null, null, null);
        JsonNode body = OllamaClient.body("llama3.2:1b", request);
        assertThat(body.path("messages").get(1).path("tool_calls").toString())
                .isEqualTo("[{\"function\":{\"name\":\"get_weather\",\"arguments\":{\"city\":\"Paris\"}}}]");
        assertThat(body.path("messages").get(2).path("tool_name").asText()).isEqualTo("get_weather");
        assertThat(body.path("tools").get(0).path("function").path("name").asText()).isEqualTo("get_weather");
        assertThat(body.path("format").asText()).isEqualTo("json");
        assertThat(body.path("options").toString())
                .isEqualTo("{\"num_predict\":50,\"top_p\":0.5,\"seed\":7,\"stop\":[\"END\"]}");
    }

    @Test
    void aModelWithoutToolSupportFailsOverInsteadOfEndingTheRequest() {
        CallResult.Failed failed = (CallResult.Failed) OllamaResponses.of(400,
                "{\"error\":\"registry.ollama.ai/library/gemma:2b does not support tools\"}");
        assertThat(failed.error().code()).isEqualTo(io.hybridllm.contracts.ErrorInfo.ErrorCode.TARGET_UNSUITABLE);
    }

    @Test
    void toolCallsComeBackWithTheirFinishReason() {
        CallResult.Answered answered = (CallResult.Answered) OllamaResponses.of(200, "{\"model\":\"llama3.2:1b\","
                + "\"message\":{\"role\":\"assistant\",\"content\":\"\",\"tool_calls\":[{\"function\":{\"name\":"
                + "\"get_weather\",\"arguments\":{\"city\":\"Paris\"}}}]},\"done\":true,\"done_reason\":\"stop\"}");
        assertThat(answered.finishReason()).isEqualTo(FinishReason.TOOL_CALLS);
        assertThat(answered.toolCalls()).containsExactly(new ToolCall("call_0", "get_weather", "{\"city\":\"Paris\"}"));
    }
}
