package io.hybridllm.ingest.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.http.HttpResponse;
import com.openai.errors.NotFoundException;
import com.openai.models.batches.Batch;
import com.openai.models.batches.BatchCreateParams;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.files.FileCreateParams;
import com.openai.models.files.FileObject;
import com.openai.models.files.FilePurpose;

import io.hybridllm.contracts.json.Json;
import io.hybridllm.ingest.support.PipelinePlayer;
import io.hybridllm.testkit.quarkus.KafkaTestResource;
import io.hybridllm.testkit.quarkus.PostgresTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

/**
 * The official OpenAI Java SDK, unchanged, against the service: a chat completion answered on the same connection, and
 * a batch submitted as a file and read back as an output file. The pipeline is played on the real broker.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "ingest"))
class OpenAiSdkTest {

    private static OpenAIClient client() {
        // Ingest runs with hybrid.ingest.auth=none, as ./hybrid up does: the SDK's placeholder key is not checked.
        return OpenAIOkHttpClient.builder().baseUrl("http://localhost:" + RestAssured.port + "/v1").apiKey("sk-none")
                .maxRetries(0).build();
    }

    private static String lastMessage(io.hybridllm.contracts.LlmRequest request) {
        return request.messages().getLast().content();
    }

    @Test
    void aChatCompletionIsAnsweredOnTheSameConnection() throws Exception {
        try (PipelinePlayer player = new PipelinePlayer(request -> lastMessage(request).startsWith("sdk chat:"),
                request -> "4")) {
            ChatCompletion completion = client().chat().completions().create(ChatCompletionCreateParams.builder()
                    .model("auto").addSystemMessage("Be brief.").addUserMessage("sdk chat: What is 2+2?").build());
            assertThat(completion.id()).startsWith("chatcmpl-");
            assertThat(completion.choices()).hasSize(1);
            assertThat(completion.choices().getFirst().message().content()).hasValue("4");
            assertThat(completion.choices().getFirst().finishReason())
                    .isEqualTo(ChatCompletion.Choice.FinishReason.STOP);
            assertThat(completion.model()).isEqualTo("ollama/llama3.2:1b");
            assertThat(completion.usage().orElseThrow().totalTokens()).isEqualTo(5);
        }
    }

    @Test
    void aConcreteModelIsPassedToTheRouterAsAPin() throws Exception {
        AtomicReference<io.hybridllm.contracts.LlmRequest> queued = new AtomicReference<>();
        try (PipelinePlayer player = new PipelinePlayer(request -> lastMessage(request).startsWith("sdk gpt-4o:"),
                request -> {
                    queued.set(request);
                    return "ok";
                })) {
            client().chat().completions().create(
                    ChatCompletionCreateParams.builder().model("gpt-4o").addUserMessage("sdk gpt-4o: hi").build());
        }
        // The router pins exactly this (ModelPinningTest: the decision then targets openai/gpt-4o).
        assertThat(queued.get().hints().provider()).isEqualTo("openai");
        assertThat(queued.get().hints().context()).containsEntry("model", "gpt-4o");
    }

    @Test
    void modelsListAutoAndAnUnknownModelIsNotFound() {
        assertThat(client().models().list().data()).extracting(model -> model.id()).contains("auto", "local-fast",
                "openai/gpt-4o-mini");
        assertThatThrownBy(() -> client().chat().completions()
                .create(ChatCompletionCreateParams.builder().model("no-such-model").addUserMessage("x").build()))
                        .isInstanceOf(NotFoundException.class);
    }

    @Test
    void aBatchSubmittedAsAFileIsReadBackAsAnOutputFile(@TempDir Path dir) throws Exception {
        StringBuilder input = new StringBuilder();
        for (int n = 1; n <= 3; n++) {
            input.append("{\"custom_id\":\"q-").append(n)
                    .append("\",\"method\":\"POST\",\"url\":\"/v1/chat/completions\","
                            + "\"body\":{\"model\":\"auto\",\"messages\":[{\"role\":\"user\",\"content\":\"sdk batch ")
                    .append(n).append("\"}]}}\n");
        }
        Path file = Files.writeString(dir.resolve("questions.jsonl"), input);

        try (PipelinePlayer player = new PipelinePlayer(request -> lastMessage(request).startsWith("sdk batch "),
                request -> "answer " + lastMessage(request).substring("sdk batch ".length()))) {
            OpenAIClient client = client();
            FileObject uploaded = client.files()
                    .create(FileCreateParams.builder().file(file).purpose(FilePurpose.BATCH).build());
            Batch batch = client.batches()
                    .create(BatchCreateParams.builder().inputFileId(uploaded.id())
                            .endpoint(BatchCreateParams.Endpoint.V1_CHAT_COMPLETIONS)
                            .completionWindow(BatchCreateParams.CompletionWindow._24H).build());
            assertThat(batch.inputFileId()).isEqualTo(uploaded.id());

            Batch done = await().atMost(Duration.ofSeconds(60)).until(() -> client.batches().retrieve(batch.id()),
                    current -> current.status().equals(Batch.Status.COMPLETED));
            assertThat(done.requestCounts().orElseThrow().completed()).isEqualTo(3);
            assertThat(done.errorFileId()).isEmpty();

            List<JsonNode> lines;
            try (HttpResponse response = client.files().content(done.outputFileId().orElseThrow());
                    InputStream body = response.body()) {
                lines = new String(body.readAllBytes(), StandardCharsets.UTF_8).lines().map(line -> {
                    try {
                        return Json.mapper().readTree(line);
                    } catch (Exception e) {
                        throw new AssertionError(line, e);
                    }
                }).toList();
            }
            assertThat(lines).extracting(line -> line.path("custom_id").asText()).containsExactly("q-1", "q-2", "q-3");
            assertThat(lines).allSatisfy(line -> {
                assertThat(line.path("response").path("status_code").asInt()).isEqualTo(200);
                String n = line.path("custom_id").asText().substring(2);
                assertThat(line.path("response").path("body").path("choices").path(0).path("message").path("content")
                        .asText()).isEqualTo("answer " + n);
            });
        }
    }

    @Test
    void aBatchReportsItsBadLinesAndCanBeCancelled(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("mixed.jsonl"),
                "{\"custom_id\":\"good\",\"method\":\"POST\",\"url\":\"/v1/chat/completions\","
                        + "\"body\":{\"model\":\"cloud\",\"messages\":[{\"role\":\"user\",\"content\":\"wait\"}]}}\n"
                        + "{\"custom_id\":\"bad\",\"method\":\"GET\",\"url\":\"/v1/chat/completions\",\"body\":{}}\n");
        OpenAIClient client = client();
        FileObject uploaded = client.files()
                .create(FileCreateParams.builder().file(file).purpose(FilePurpose.BATCH).build());
        Batch batch = client.batches()
                .create(BatchCreateParams.builder().inputFileId(uploaded.id())
                        .endpoint(BatchCreateParams.Endpoint.V1_CHAT_COMPLETIONS)
                        .completionWindow(BatchCreateParams.CompletionWindow._24H).build());
        assertThat(batch.status()).isEqualTo(Batch.Status.IN_PROGRESS);
        assertThat(batch.errors().orElseThrow().data().orElseThrow()).singleElement()
                .satisfies(error -> assertThat(error.line()).hasValue(2L));
        assertThat(client.batches().list().data()).extracting(Batch::id).contains(batch.id());

        Batch cancelled = client.batches().cancel(batch.id());
        assertThat(cancelled.status()).isEqualTo(Batch.Status.CANCELLED);
        assertThat(cancelled.outputFileId()).isEmpty();
        try (HttpResponse response = client.files().content(cancelled.errorFileId().orElseThrow());
                InputStream body = response.body()) {
            assertThat(new String(body.readAllBytes(), StandardCharsets.UTF_8).lines()).satisfiesExactly(
                    good -> assertThat(good).contains("\"custom_id\":\"good\"", "\"status_code\":409"),
                    bad -> assertThat(bad).contains("\"custom_id\":\"bad\"", "method: must be POST"));
        }
    }
}
