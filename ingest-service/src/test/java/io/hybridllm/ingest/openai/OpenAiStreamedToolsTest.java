package io.hybridllm.ingest.openai;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.JsonValue;
import com.openai.core.http.StreamResponse;
import com.openai.helpers.ChatCompletionAccumulator;
import com.openai.models.FunctionDefinition;
import com.openai.models.FunctionParameters;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.chat.completions.ChatCompletionMessageFunctionToolCall;
import com.openai.models.chat.completions.ChatCompletionStreamOptions;
import com.openai.models.chat.completions.ChatCompletionToolMessageParam;

import io.hybridllm.contracts.LlmRequest;
import io.hybridllm.contracts.Role;
import io.hybridllm.contracts.StreamChunk.ToolCallDelta;
import io.hybridllm.contracts.ToolCall;
import io.hybridllm.ingest.support.StreamPlayer;
import io.hybridllm.ingest.support.StreamPlayer.Piece;
import io.hybridllm.ingest.support.StreamPlayer.Script;
import io.hybridllm.testkit.quarkus.KafkaTestResource;
import io.hybridllm.testkit.quarkus.PostgresTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

/**
 * Tool calls in streamed chat completions, with the official OpenAI Java SDK: the worker's tool call pieces on
 * llm.stream (played on the real broker) relayed as OpenAI's {@code delta.tool_calls}, which the SDK's accumulator
 * joins into the calls of the reply; then the tool results sent back and the final answer streamed.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "ingest"))
class OpenAiStreamedToolsTest {

    private static final FunctionDefinition WEATHER = FunctionDefinition.builder().name("get_weather")
            .parameters(FunctionParameters.builder().putAdditionalProperty("type", JsonValue.from("object"))
                    .putAdditionalProperty("properties", JsonValue.from(Map.of("city", Map.of("type", "string"))))
                    .build())
            .build();

    private static final List<ToolCall> CALLS = List.of(new ToolCall("call_1", "get_weather", "{\"city\":\"Paris\"}"),
            new ToolCall("call_2", "get_weather", "{\"city\":\"Lyon\"}"));

    /** The first call in three pieces, the second begun only: the reply brings the rest of it. */
    private static final List<Piece> CALL_PIECES = List.of(
            new Piece(1, 0, new ToolCallDelta(0, "call_1", "get_weather", "")),
            new Piece(1, 1, new ToolCallDelta(0, null, null, "{\"city\":")),
            new Piece(1, 2, new ToolCallDelta(0, null, null, "\"Paris\"}")),
            new Piece(1, 3, new ToolCallDelta(1, "call_2", "get_weather", "{\"ci")));

    private static OpenAIClient client() {
        return OpenAIOkHttpClient.builder().baseUrl("http://localhost:" + RestAssured.port + "/v1").apiKey("sk-none")
                .maxRetries(0).build();
    }

    private static boolean asks(LlmRequest request, String prefix) {
        return request.messages().stream().anyMatch(m -> m.role() == Role.USER && m.content().startsWith(prefix));
    }

    private static ChatCompletion streamed(ChatCompletionCreateParams params, List<ChatCompletionChunk> chunks) {
        ChatCompletionAccumulator accumulator = ChatCompletionAccumulator.create();
        try (StreamResponse<ChatCompletionChunk> response = client().chat().completions().createStreaming(params)) {
            response.stream().forEach(chunk -> {
                chunks.add(chunk);
                accumulator.accumulate(chunk);
            });
        }
        return accumulator.chatCompletion();
    }

    @Test
    void aStreamedToolCallRoundTripEndsInTheStreamedFinalAnswer() throws Exception {
        List<LlmRequest> seen = new CopyOnWriteArrayList<>();
        try (StreamPlayer player = new StreamPlayer(request -> asks(request, "stream tools:"), request -> {
            seen.add(request);
            if (request.messages().getLast().role() == Role.TOOL) {
                return new Script(List.of(new Piece(1, 0, "It is 18 C"), new Piece(1, 1, " in Paris.")),
                        "It is 18 C in Paris.", null);
            }
            return new Script(CALL_PIECES, "", CALLS, null);
        })) {
            ChatCompletionCreateParams.Builder params = ChatCompletionCreateParams.builder().model("auto")
                    .addUserMessage("stream tools: weather in Paris and Lyon?").addFunctionTool(WEATHER)
                    .streamOptions(ChatCompletionStreamOptions.builder().includeUsage(true).build());
            List<ChatCompletionChunk> chunks = new CopyOnWriteArrayList<>();
            ChatCompletion first = streamed(params.build(), chunks);

            // Four pieces as they came, the rest of the second call with the reply, the finish, the usage.
            assertThat(chunks).hasSize(7);
            ChatCompletionChunk.Choice.Delta.ToolCall begun = chunks.getFirst().choices().getFirst().delta().toolCalls()
                    .orElseThrow().getFirst();
            assertThat(begun.id()).hasValue("call_1");
            assertThat(begun.function().orElseThrow().name()).hasValue("get_weather");
            assertThat(chunks.get(1).choices().getFirst().delta().toolCalls().orElseThrow().getFirst().id()).isEmpty();
            assertThat(chunks.get(5).choices().getFirst().finishReason())
                    .hasValue(ChatCompletionChunk.Choice.FinishReason.TOOL_CALLS);
            ChatCompletion.Choice choice = first.choices().getFirst();
            List<ChatCompletionMessageFunctionToolCall> calls = choice.message().toolCalls().orElseThrow().stream()
                    .map(call -> call.asFunction()).toList();
            assertThat(calls).extracting(ChatCompletionMessageFunctionToolCall::id).containsExactly("call_1", "call_2");
            assertThat(calls).extracting(call -> call.function().arguments()).containsExactly("{\"city\":\"Paris\"}",
                    "{\"city\":\"Lyon\"}");

            params.addMessage(choice.message());
            for (ChatCompletionMessageFunctionToolCall call : calls) {
                params.addMessage(
                        ChatCompletionToolMessageParam.builder().toolCallId(call.id()).content("18 C").build());
            }
            List<ChatCompletionChunk> answerChunks = new CopyOnWriteArrayList<>();
            ChatCompletion last = streamed(params.build(), answerChunks);
            assertThat(last.choices().getFirst().message().content()).hasValue("It is 18 C in Paris.");
            assertThat(last.choices().getFirst().finishReason()).isEqualTo(ChatCompletion.Choice.FinishReason.STOP);
            assertThat(answerChunks.get(1).choices().getFirst().delta().content()).hasValue(" in Paris.");
        }
        assertThat(seen.getFirst().options().stream()).isTrue();
        assertThat(seen.getLast().messages().subList(2, 4)).extracting(m -> m.toolCallId()).containsExactly("call_1",
                "call_2");
    }

    @Test
    void aReplyWhoseCallsDoNotContinueTheShownPiecesEndsTheStreamWithAnError() throws Exception {
        List<ToolCall> other = List.of(new ToolCall("call_9", "get_weather", "{\"city\":\"Nice\"}"));
        try (StreamPlayer player = new StreamPlayer(request -> asks(request, "stream tools other:"),
                request -> new Script(CALL_PIECES, "", other, null))) {
            assertThatThrownBy(
                    () -> streamed(
                            ChatCompletionCreateParams.builder().model("auto")
                                    .addUserMessage("stream tools other: weather?").addFunctionTool(WEATHER).build(),
                            new CopyOnWriteArrayList<>())).hasMessageContaining("failed after 20 characters");
        }
    }

    @Test
    void theNativeStreamCarriesToolCallPieces() throws Exception {
        try (StreamPlayer player = new StreamPlayer(request -> asks(request, "native stream tools:"),
                request -> new Script(CALL_PIECES, "", CALLS, null), Duration.ofSeconds(2))) {
            // The pieces wait for the watch: a client that connects after the first piece gets the calls whole.
            String id = given().contentType("application/json")
                    .body("{\"messages\":[{\"role\":\"user\",\"content\":\"native stream tools: weather?\"}],"
                            + "\"options\":{\"stream\":true}}")
                    .post("/v1/requests").then().statusCode(202).extract().path("id");
            String body = given().get("/v1/requests/" + id + "/stream?wait=20s").asString();
            assertThat(body).contains(
                    "\"tool_calls\":[{\"index\":0,\"id\":\"call_1\",\"type\":\"function\",\"function\":{\"name\":\"get_weather\",\"arguments\":\"\"}}]")
                    .contains("\"tool_calls\":[{\"index\":1,\"function\":{\"arguments\":\"ty\\\":\\\"Lyon\\\"}\"}}]")
                    .contains("\"finish_reason\":\"tool_calls\"").containsPattern("data: ?\\[DONE\\]\n\n$");
        }
    }
}
