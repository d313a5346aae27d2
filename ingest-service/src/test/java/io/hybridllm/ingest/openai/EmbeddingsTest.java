package io.hybridllm.ingest.openai;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.models.embeddings.CreateEmbeddingResponse;
import com.openai.models.embeddings.EmbeddingCreateParams;

import io.hybridllm.contracts.EmbeddingVectors;
import io.hybridllm.contracts.LlmReply;
import io.hybridllm.contracts.LlmRequest;
import io.hybridllm.contracts.RoutedRequest;
import io.hybridllm.contracts.RoutingDecision;
import io.hybridllm.contracts.Target;
import io.hybridllm.contracts.TaskType;
import io.hybridllm.contracts.Tier;
import io.hybridllm.contracts.TokenUsage;
import io.hybridllm.contracts.json.Json;
import io.hybridllm.embedding.Vectors;
import io.hybridllm.ingest.support.PipelinePlayer;
import io.hybridllm.testkit.quarkus.KafkaTestResource;
import io.hybridllm.testkit.quarkus.PostgresTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;

/**
 * {@code POST /v1/embeddings} with the official OpenAI Java SDK and by hand, and task type embed on the native API; the
 * pipeline is played on the real broker, answering each input with a known vector.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "ingest"))
class EmbeddingsTest {

    private static final Target MINILM = new Target("minilm", "all-minilm-l6-v2", Tier.LOCAL_FAST);

    private static OpenAIClient client() {
        return OpenAIOkHttpClient.builder().baseUrl("http://localhost:" + RestAssured.port + "/v1").apiKey("sk-none")
                .maxRetries(0).build();
    }

    /** Input i is answered with the unit vector along axis i of 4, as a worker would reply. */
    private static LlmReply vectors(LlmRequest request) {
        RoutedRequest routed = new RoutedRequest(request, new RoutingDecision(Tier.LOCAL_FAST, List.of(MINILM), 0.0,
                List.of(), "played", "hybrid", "test", null));
        List<String> vectors = new java.util.ArrayList<>();
        for (int i = 0; i < request.inputs().size(); i++) {
            float[] unit = new float[4];
            unit[i % 4] = 1f;
            vectors.add(Vectors.toBase64(unit));
        }
        return LlmReply.embedded(routed, MINILM, new EmbeddingVectors(4, vectors), new TokenUsage(7, 0),
                BigDecimal.ZERO, 3, List.of());
    }

    private static PipelinePlayer player(String prefix, AtomicReference<LlmRequest> queued) {
        return PipelinePlayer.replying(request -> request.embeds() && request.inputs().getFirst().startsWith(prefix),
                request -> {
                    queued.set(request);
                    return vectors(request);
                });
    }

    @Test
    void theSdksEmbeddingsCallIsAnsweredOnTheSameConnectionWithTheVectorsInOrder() throws Exception {
        AtomicReference<LlmRequest> queued = new AtomicReference<>();
        try (PipelinePlayer player = player("sdk embed", queued)) {
            CreateEmbeddingResponse response = client().embeddings()
                    .create(EmbeddingCreateParams.builder().model("auto")
                            .inputOfArrayOfStrings(List.of("sdk embed one", "sdk embed two")).user("end-user-9")
                            .build());
            assertThat(response.data()).hasSize(2);
            assertThat(response.data().get(0).index()).isZero();
            assertThat(response.data().get(0).embedding()).containsExactly(1f, 0f, 0f, 0f);
            assertThat(response.data().get(1).embedding()).containsExactly(0f, 1f, 0f, 0f);
            assertThat(response.model()).isEqualTo("minilm/all-minilm-l6-v2");
            assertThat(response.usage().promptTokens()).isEqualTo(7);
            assertThat(response.usage().totalTokens()).isEqualTo(7);
        }
        LlmRequest request = queued.get();
        assertThat(request.taskType()).isEqualTo(TaskType.EMBED);
        assertThat(request.inputs()).containsExactly("sdk embed one", "sdk embed two");
        assertThat(request.options().endUser()).isEqualTo("end-user-9");
    }

    @Test
    void base64IsAnsweredAsTheReplyCarriesItAndDimensionsAndAModelArePassedOn() throws Exception {
        AtomicReference<LlmRequest> queued = new AtomicReference<>();
        try (PipelinePlayer player = player("raw embed", queued)) {
            given().contentType(ContentType.JSON).body("""
                    {"model": "text-embedding-3-small", "input": "raw embed", "encoding_format": "base64",
                     "dimensions": 4}""").post("/v1/embeddings").then().statusCode(200).body("object", equalTo("list"))
                    .body("data", hasSize(1))
                    .body("data[0].embedding", equalTo(Vectors.toBase64(new float[] { 1, 0, 0, 0 })));
        }
        assertThat(queued.get().dimensions()).isEqualTo(4);
        assertThat(queued.get().hints().context()).containsEntry("model", "text-embedding-3-small");
        assertThat(queued.get().hints().provider()).isEqualTo("openai");
    }

    @Test
    void tokenArraysAndOtherUntakenInputsAreRefusedInOpenAisShapeNamingTheField() {
        refused("{\"model\":\"auto\",\"input\":[[1,2,3]]}", "input", "token arrays are not accepted");
        refused("{\"model\":\"auto\",\"input\":[17, 42]}", "input", "token arrays are not accepted");
        refused("{\"model\":\"auto\",\"input\":\"x\",\"encoding_format\":\"int8\"}", "encoding_format",
                "float or base64");
        refused("{\"model\":\"auto\",\"input\":" + Json.write(Collections.nCopies(65, "x")) + "}", "input",
                "at most 64 texts");
        refused("{\"model\":\"auto\",\"input\":[\"\"]}", "input", "empty");
        refused("{\"model\":\"auto\"}", "input", "is required");
    }

    private static void refused(String body, String param, String reason) {
        given().contentType(ContentType.JSON).body(body).post("/v1/embeddings").then().statusCode(400)
                .body("error.param", equalTo(param))
                .body("error.message", org.hamcrest.Matchers.containsString(reason));
    }

    @Test
    void theNativeApiTakesTaskTypeEmbedWithInputsAndShowsTheVectorsWhenPolled() throws Exception {
        AtomicReference<LlmRequest> queued = new AtomicReference<>();
        try (PipelinePlayer player = player("native embed", queued)) {
            String id = given().contentType(ContentType.JSON).body("""
                    {"task_type": "embed", "inputs": ["native embed a", "native embed b"]}""").post("/v1/requests")
                    .then().statusCode(202).extract().path("id");
            given().get("/v1/requests/" + id + "?wait=30s").then().statusCode(200).body("status", equalTo("succeeded"))
                    .body("embeddings.dimensions", equalTo(4)).body("embeddings.vectors", hasSize(2));
        }
        given().contentType(ContentType.JSON).body("""
                {"task_type": "chat", "inputs": ["x"], "messages": [{"role": "user", "content": "hi"}]}""")
                .post("/v1/requests").then().statusCode(400).body(org.hamcrest.Matchers.containsString("inputs"));
    }
}
