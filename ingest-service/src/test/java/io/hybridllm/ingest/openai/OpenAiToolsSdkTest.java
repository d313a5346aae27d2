package io.hybridllm.ingest.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.JsonValue;
import com.openai.errors.BadRequestException;
import com.openai.models.FunctionDefinition;
import com.openai.models.FunctionParameters;
import com.openai.models.ResponseFormatJsonObject;
import com.openai.models.ResponseFormatJsonSchema;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.chat.completions.ChatCompletionMessageFunctionToolCall;
import com.openai.models.chat.completions.ChatCompletionNamedToolChoice;
import com.openai.models.chat.completions.ChatCompletionToolMessageParam;

import io.hybridllm.contracts.FinishReason;
import io.hybridllm.contracts.LlmRequest;
import io.hybridllm.contracts.ResponseFormat;
import io.hybridllm.contracts.Role;
import io.hybridllm.contracts.ToolCall;
import io.hybridllm.contracts.ToolChoice;
import io.hybridllm.ingest.support.PipelinePlayer;
import io.hybridllm.testkit.quarkus.KafkaTestResource;
import io.hybridllm.testkit.quarkus.PostgresTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

/**
 * The official OpenAI Java SDK using tools, structured output and generation fields: each reaches the queued request in
 * the contracts' terms, and tool calls and finish reasons come back in OpenAI's form. The workers are played on the
 * real broker; their translations per provider are tested in worker-core.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "ingest"))
class OpenAiToolsSdkTest {

    private static OpenAIClient client() {
        return OpenAIOkHttpClient.builder().baseUrl("http://localhost:" + RestAssured.port + "/v1").apiKey("sk-none")
                .maxRetries(0).build();
    }

    private static boolean asks(LlmRequest request, String prefix) {
        return request.messages().stream().anyMatch(m -> m.role() == Role.USER && m.content().startsWith(prefix));
    }

    private static final FunctionDefinition WEATHER = FunctionDefinition.builder().name("get_weather")
            .description("The weather in a city")
            .parameters(FunctionParameters.builder().putAdditionalProperty("type", JsonValue.from("object"))
                    .putAdditionalProperty("properties", JsonValue.from(Map.of("city", Map.of("type", "string"))))
                    .build())
            .build();

    @Test
    void aToolCallRoundTripEndsInTheFinalAnswer() throws Exception {
        List<LlmRequest> seen = new CopyOnWriteArrayList<>();
        try (PipelinePlayer player = PipelinePlayer.replying(request -> asks(request, "tools:"), request -> {
            seen.add(request);
            if (request.messages().getLast().role() == Role.TOOL) {
                return PipelinePlayer.reply(request, "It is 18 C in Paris.", FinishReason.STOP, null);
            }
            return PipelinePlayer.reply(request, "", FinishReason.TOOL_CALLS,
                    List.of(new ToolCall("call_1", "get_weather", "{\"city\":\"Paris\"}"),
                            new ToolCall("call_2", "get_weather", "{\"city\":\"Lyon\"}")));
        })) {
            ChatCompletionCreateParams.Builder params = ChatCompletionCreateParams.builder().model("auto")
                    .addUserMessage("tools: weather in Paris and Lyon?").addFunctionTool(WEATHER)
                    .toolChoice(ChatCompletionNamedToolChoice.builder()
                            .function(ChatCompletionNamedToolChoice.Function.builder().name("get_weather").build())
                            .build());
            ChatCompletion first = client().chat().completions().create(params.build());
            ChatCompletion.Choice choice = first.choices().getFirst();
            assertThat(choice.finishReason()).isEqualTo(ChatCompletion.Choice.FinishReason.TOOL_CALLS);
            assertThat(choice.message().content()).isEmpty();
            List<ChatCompletionMessageFunctionToolCall> calls = choice.message().toolCalls().orElseThrow().stream()
                    .map(call -> call.asFunction()).toList();
            assertThat(calls).extracting(ChatCompletionMessageFunctionToolCall::id).containsExactly("call_1", "call_2");
            assertThat(calls.getFirst().function().arguments()).isEqualTo("{\"city\":\"Paris\"}");

            params.addMessage(choice.message());
            for (ChatCompletionMessageFunctionToolCall call : calls) {
                params.addMessage(
                        ChatCompletionToolMessageParam.builder().toolCallId(call.id()).content("18 C").build());
            }
            ChatCompletion last = client().chat().completions().create(params.build());
            assertThat(last.choices().getFirst().message().content()).hasValue("It is 18 C in Paris.");
            assertThat(last.choices().getFirst().finishReason()).isEqualTo(ChatCompletion.Choice.FinishReason.STOP);
        }
        LlmRequest first = seen.getFirst();
        assertThat(first.options().tools()).singleElement().satisfies(tool -> {
            assertThat(tool.name()).isEqualTo("get_weather");
            assertThat(tool.parameters().path("properties").path("city").path("type").asText()).isEqualTo("string");
        });
        assertThat(first.options().toolChoice()).isEqualTo(new ToolChoice(ToolChoice.Mode.FUNCTION, "get_weather"));
        LlmRequest second = seen.getLast();
        assertThat(second.messages().get(1).toolCalls()).extracting(ToolCall::id).containsExactly("call_1", "call_2");
        assertThat(second.messages().subList(2, 4)).extracting(m -> m.toolCallId()).containsExactly("call_1", "call_2");
    }

    @Test
    void structuredOutputAndGenerationFieldsReachTheRequest() throws Exception {
        List<LlmRequest> seen = new CopyOnWriteArrayList<>();
        try (PipelinePlayer player = PipelinePlayer.replying(request -> asks(request, "json:"), request -> {
            seen.add(request);
            return PipelinePlayer.reply(request, "{\"a\":", FinishReason.LENGTH, null);
        })) {
            ChatCompletion json = client().chat().completions()
                    .create(ChatCompletionCreateParams.builder().model("auto").addUserMessage("json: object")
                            .responseFormat(ResponseFormatJsonObject.builder().build()).topP(0.5).seed(7L).stop("END")
                            .presencePenalty(0.1).frequencyPenalty(0.2).user("user-42").maxCompletionTokens(3L)
                            .build());
            assertThat(json.choices().getFirst().finishReason()).isEqualTo(ChatCompletion.Choice.FinishReason.LENGTH);
            client().chat().completions().create(ChatCompletionCreateParams.builder().model("auto")
                    .addUserMessage("json: schema")
                    .responseFormat(ResponseFormatJsonSchema.builder()
                            .jsonSchema(ResponseFormatJsonSchema.JsonSchema.builder().name("answer").strict(true)
                                    .schema(ResponseFormatJsonSchema.JsonSchema.Schema.builder()
                                            .putAdditionalProperty("type", JsonValue.from("object")).build())
                                    .build())
                            .build())
                    .build());
        }
        var options = seen.getFirst().options();
        assertThat(options.responseFormat().type()).isEqualTo(ResponseFormat.Type.JSON_OBJECT);
        assertThat(options.topP()).isEqualTo(0.5);
        assertThat(options.seed()).isEqualTo(7L);
        assertThat(options.stop()).containsExactly("END");
        assertThat(options.presencePenalty()).isEqualTo(0.1);
        assertThat(options.frequencyPenalty()).isEqualTo(0.2);
        assertThat(options.endUser()).isEqualTo("user-42");
        assertThat(options.maxTokens()).isEqualTo(3);
        ResponseFormat schema = seen.getLast().options().responseFormat();
        assertThat(schema.type()).isEqualTo(ResponseFormat.Type.JSON_SCHEMA);
        assertThat(schema.name()).isEqualTo("answer");
        assertThat(schema.strict()).isTrue();
        assertThat(schema.schema().path("type").asText()).isEqualTo("object");
    }

    @Test
    void fieldsThatCannotBeHonouredAreRefusedByName() {
        assertThatThrownBy(() -> client().chat().completions()
                .create(ChatCompletionCreateParams.builder().model("auto").addUserMessage("x").n(2L).build()))
                        .isInstanceOfSatisfying(BadRequestException.class, e -> assertThat(e.param()).hasValue("n"));
        assertThatThrownBy(() -> client().chat().completions()
                .create(ChatCompletionCreateParams.builder().model("auto").addUserMessage("x").logprobs(true).build()))
                        .isInstanceOfSatisfying(BadRequestException.class,
                                e -> assertThat(e.param()).hasValue("logprobs"));
        assertThatThrownBy(() -> client().chat().completions()
                .create(ChatCompletionCreateParams.builder().model("auto").addUserMessage("x")
                        .putAdditionalBodyProperty("mystery", JsonValue.from(1)).build()))
                                .isInstanceOfSatisfying(BadRequestException.class, e -> {
                                    assertThat(e.param()).hasValue("mystery");
                                    assertThat(e.getMessage()).contains("is not a known field");
                                });
    }
}
