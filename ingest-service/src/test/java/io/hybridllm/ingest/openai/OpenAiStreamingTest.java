package io.hybridllm.ingest.openai;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.http.StreamResponse;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.chat.completions.ChatCompletionStreamOptions;

import io.hybridllm.contracts.ErrorInfo;
import io.hybridllm.contracts.ErrorInfo.ErrorCode;
import io.hybridllm.contracts.LlmRequest;
import io.hybridllm.ingest.support.StreamPlayer;
import io.hybridllm.ingest.support.StreamPlayer.Piece;
import io.hybridllm.ingest.support.StreamPlayer.Script;
import io.hybridllm.testkit.quarkus.KafkaTestResource;
import io.hybridllm.testkit.quarkus.PostgresTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;

/**
 * Streamed chat completions with the official OpenAI Java SDK, the pieces coming from llm.stream on the real broker and
 * the end from the reply on llm.replies.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "ingest"))
class OpenAiStreamingTest {

    private static final List<Piece> PIECES = List.of(new Piece(1, 0, "The"), new Piece(1, 1, " answer"),
            new Piece(1, 2, " is"));

    private static OpenAIClient client() {
        return OpenAIOkHttpClient.builder().baseUrl("http://localhost:" + RestAssured.port + "/v1").apiKey("sk-none")
                .maxRetries(0).build();
    }

    private static boolean asks(LlmRequest request, String prefix) {
        return request.messages().getLast().content().startsWith(prefix);
    }

    private static ChatCompletionCreateParams params(String prompt, boolean usage) {
        ChatCompletionCreateParams.Builder builder = ChatCompletionCreateParams.builder().model("auto")
                .addUserMessage(prompt);
        if (usage) {
            builder.streamOptions(ChatCompletionStreamOptions.builder().includeUsage(true).build());
        }
        return builder.build();
    }

    private static List<ChatCompletionChunk> stream(ChatCompletionCreateParams params) {
        try (StreamResponse<ChatCompletionChunk> response = client().chat().completions().createStreaming(params)) {
            return response.stream().toList();
        }
    }

    private static String text(List<ChatCompletionChunk> chunks) {
        StringBuilder text = new StringBuilder();
        chunks.forEach(chunk -> chunk.choices().forEach(choice -> choice.delta().content().ifPresent(text::append)));
        return text.toString();
    }

    @Test
    void piecesAreRelayedAsChunksThenTheFinishAndTheUsage() throws Exception {
        AtomicReference<LlmRequest> queued = new AtomicReference<>();
        try (StreamPlayer player = new StreamPlayer(request -> asks(request, "stream usage:"), request -> {
            queued.set(request);
            return new Script(PIECES, "The answer is 4", null);
        })) {
            List<ChatCompletionChunk> chunks = stream(params("stream usage: 2+2?", true));

            assertThat(queued.get().options().stream()).isTrue();
            assertThat(text(chunks)).isEqualTo("The answer is 4");
            // The three pieces as they came, the rest with the reply, the finish, the usage.
            assertThat(chunks).hasSize(6);
            assertThat(chunks.getFirst().choices().getFirst().delta().role()).isPresent();
            assertThat(chunks.getFirst().choices().getFirst().delta().content()).hasValue("The");
            assertThat(chunks.get(1).choices().getFirst().delta().content()).hasValue(" answer");
            assertThat(chunks.get(4).choices().getFirst().finishReason())
                    .hasValue(ChatCompletionChunk.Choice.FinishReason.STOP);
            ChatCompletionChunk last = chunks.getLast();
            assertThat(last.choices()).isEmpty();
            assertThat(last.usage().orElseThrow().totalTokens()).isEqualTo(5);
            assertThat(chunks).allSatisfy(chunk -> assertThat(chunk.id()).isEqualTo(chunks.getFirst().id()));
        }
    }

    @Test
    void withoutIncludeUsageThereIsNoUsageChunk() throws Exception {
        try (StreamPlayer player = new StreamPlayer(request -> asks(request, "stream plain:"),
                request -> new Script(PIECES, "The answer is", null))) {
            List<ChatCompletionChunk> chunks = stream(params("stream plain: 2+2?", false));
            assertThat(text(chunks)).isEqualTo("The answer is");
            assertThat(chunks).allSatisfy(chunk -> assertThat(chunk.usage()).isEmpty());
        }
    }

    @Test
    void aCallThatStartedOverAfterShowingTextEndsTheStreamWithAnError() throws Exception {
        List<Piece> restarted = List.of(new Piece(1, 0, "Half"), new Piece(2, 0, "Another"),
                new Piece(2, 1, " answer"));
        try (StreamPlayer player = new StreamPlayer(request -> asks(request, "stream restart:"),
                request -> new Script(restarted, "Another answer", null))) {
            assertThatThrownBy(() -> stream(params("stream restart: hi", false)))
                    .hasMessageContaining("failed after 4 characters");
        }
    }

    @Test
    void aFailedRequestEndsTheStreamWithItsError() throws Exception {
        try (StreamPlayer player = new StreamPlayer(request -> asks(request, "stream fail:"),
                request -> new Script(List.of(), null,
                        new ErrorInfo(ErrorCode.NO_PROVIDER, "no backend could answer")))) {
            assertThatThrownBy(() -> stream(params("stream fail: hi", false)))
                    .hasMessageContaining("no backend could answer");
        }
    }

    @Test
    void streamOptionsWithoutStreamAreRefusedByName() {
        given().contentType("application/json")
                .body("{\"model\":\"auto\",\"messages\":[{\"role\":\"user\",\"content\":\"x\"}],"
                        + "\"stream_options\":{\"include_usage\":true}}")
                .post("/v1/chat/completions").then().statusCode(400)
                .body("error.param", org.hamcrest.Matchers.equalTo("stream_options"));
    }

    @Test
    void aClientThatAcceptsOnlyJsonGetsTheSameEventsAtOnce() throws Exception {
        try (StreamPlayer player = new StreamPlayer(request -> asks(request, "stream json:"),
                request -> new Script(PIECES, "The answer is 4", null))) {
            Response response = given().contentType("application/json").accept("application/json")
                    .body("{\"model\":\"auto\",\"stream\":true,\"messages\":[{\"role\":\"user\","
                            + "\"content\":\"stream json: 2+2?\"}]}")
                    .post("/v1/chat/completions");
            assertThat(response.contentType()).startsWith("text/event-stream");
            assertThat(response.asString()).contains("\"content\":\" answer\"").endsWith("data: [DONE]\n\n");
        }
    }

    @Test
    void theNativeApiStreamsTheSameChunks() throws Exception {
        try (StreamPlayer player = new StreamPlayer(request -> asks(request, "native stream:"),
                request -> new Script(PIECES, "The answer is 4", null))) {
            String id = given().contentType("application/json")
                    .body("{\"messages\":[{\"role\":\"user\",\"content\":\"native stream: 2+2?\"}],"
                            + "\"options\":{\"stream\":true}}")
                    .post("/v1/requests").then().statusCode(202).extract().path("id");
            Response stream = given().get("/v1/requests/" + id + "/stream?wait=20s");
            assertThat(stream.statusCode()).isEqualTo(200);
            assertThat(stream.contentType()).startsWith("text/event-stream");
            String body = stream.asString();
            assertThat(body).contains("\"object\":\"chat.completion.chunk\"").contains("\"total_tokens\":5")
                    .containsPattern("data: ?\\[DONE\\]\n\n$");
            assertThat(body.replaceAll("(?s).*?\"content\":\"([^\"]*)\"", "$1|")).startsWith("The| answer| is| 4|");
        }
    }
}
