package io.hybridllm.worker.core.provider;

import static io.hybridllm.worker.core.provider.Calls.answered;
import static io.hybridllm.worker.core.provider.Calls.backend;
import static io.hybridllm.worker.core.provider.Calls.error;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.hybridllm.contracts.EmbeddingVectors;
import io.hybridllm.contracts.ErrorInfo.ErrorCode;
import io.hybridllm.contracts.LlmRequest;
import io.hybridllm.contracts.ProviderKind;
import io.hybridllm.contracts.TaskType;
import io.hybridllm.embedding.Vectors;
import io.hybridllm.testkit.simulators.AzureOpenAiSimulator;
import io.hybridllm.testkit.simulators.CloudSimulator.Trouble;
import io.hybridllm.testkit.simulators.CohereSimulator;
import io.hybridllm.testkit.simulators.GeminiSimulator;
import io.hybridllm.testkit.simulators.OpenAiSimulator;
import io.hybridllm.testkit.simulators.ProviderSimulator.Received;
import io.hybridllm.worker.core.CallResult;

/** Each cloud embeddings API, against its simulator: the documented request, vectors read and checked, usage. */
class EmbeddingBackendTest {

    private static final String KEY = "sk-embed-0123456789abcdef";
    private static OpenAiSimulator openAi;
    private static AzureOpenAiSimulator azure;
    private static GeminiSimulator gemini;
    private static CohereSimulator cohere;

    @BeforeAll
    static void start() {
        openAi = OpenAiSimulator.start(Duration.ZERO, List.of("text-embedding-3-small", "mistral-embed"), KEY);
        azure = AzureOpenAiSimulator.start(Duration.ZERO, Map.of("embed-small", "text-embedding-3-small"), KEY);
        gemini = GeminiSimulator.start(Duration.ZERO, List.of("gemini-embedding-001"), KEY);
        cohere = CohereSimulator.start(Duration.ZERO, List.of("embed-v4.0"), KEY);
    }

    @AfterAll
    static void stop() {
        openAi.close();
        azure.close();
        gemini.close();
        cohere.close();
    }

    static LlmRequest embed(Integer dimensions, String... inputs) {
        return new LlmRequest(0, "emb-1", "acme", null, TaskType.EMBED, null, null, null, null, null, null, null,
                List.of(inputs), dimensions);
    }

    private static EmbeddingVectors vectors(CallResult result, int count, int dimensions) {
        EmbeddingVectors vectors = answered(result).embeddings();
        assertThat(vectors.dimensions()).isEqualTo(dimensions);
        assertThat(vectors.vectors()).hasSize(count);
        float[] first = Vectors.fromBase64(vectors.vectors().getFirst());
        assertThat(Vectors.similarity(first, first)).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-4));
        return vectors;
    }

    @Test
    void openAiIsAskedForBase64AndTheDimensionsAndReportsInputTokens() throws Exception {
        CallResult result = backend(ProviderKind.OPENAI, "openai", openAi.baseUrl() + "/v1", KEY)
                .embed("text-embedding-3-small", embed(64, "refund request", "invoice overdue"), null);
        EmbeddingVectors vectors = vectors(result, 2, 64);
        Received received = openAi.lastRequest();
        assertThat(received.path()).isEqualTo("/v1/embeddings");
        assertThat(received.body().toString()).isEqualTo("{\"model\":\"text-embedding-3-small\",\"input\":"
                + "[\"refund request\",\"invoice overdue\"],\"encoding_format\":\"base64\",\"dimensions\":64}");
        assertThat(answered(result).usage().promptTokens()).isEqualTo(8);
        assertThat(answered(result).usage().completionTokens()).isZero();
        // Deterministic: the same text, the same vector.
        CallResult again = backend(ProviderKind.OPENAI, "openai", openAi.baseUrl() + "/v1", KEY)
                .embed("text-embedding-3-small", embed(64, "refund request"), null);
        assertThat(answered(again).embeddings().vectors().getFirst()).isEqualTo(vectors.vectors().getFirst());
    }

    @Test
    void mistralGetsNumbersAndItsOwnNameForTheLength() throws Exception {
        CallResult result = backend(ProviderKind.MISTRAL, "mistral", openAi.baseUrl() + "/v1", KEY)
                .embed("mistral-embed", embed(null, "hello"), null);
        vectors(result, 1, 32);
        assertThat(openAi.lastRequest().body().path("encoding_format").asText()).isEqualTo("float");
        CallResult sized = backend(ProviderKind.MISTRAL, "mistral", openAi.baseUrl() + "/v1", KEY)
                .embed("mistral-embed", embed(16, "hello"), null);
        assertThat(openAi.lastRequest().body().has("output_dimension")).isTrue();
        // The simulator stands for OpenAI and ignores Mistral's name: a length other than asked is not an answer.
        assertThat(error(sized).code()).isEqualTo(ErrorCode.TARGET_UNSUITABLE);
        assertThat(error(sized).message()).contains("32 dimensions where 16 were asked for");
    }

    @Test
    void azureCallsTheDeploymentsEmbeddings() throws Exception {
        CallResult result = backend(ProviderKind.AZURE_OPENAI, "azure", azure.baseUrl(), KEY).embed("embed-small",
                embed(null, "hello", "world"), null);
        vectors(result, 2, 32);
        assertThat(azure.lastRequest().path()).isEqualTo("/openai/deployments/embed-small/embeddings");
        assertThat(azure.lastRequest().header("api-key")).isEqualTo(KEY);
    }

    @Test
    void geminiBatchesOneRequestPerInputAndItsTokensAreCounted() throws Exception {
        CallResult result = backend(ProviderKind.GEMINI, "gemini", gemini.baseUrl(), KEY).embed("gemini-embedding-001",
                embed(48, "first text", "second"), null);
        vectors(result, 2, 48);
        Received received = gemini.lastRequest();
        assertThat(received.path()).isEqualTo("/v1beta/models/gemini-embedding-001:batchEmbedContents");
        assertThat(received.body().path("requests")).hasSize(2);
        assertThat(received.body().path("requests").get(0).toString())
                .isEqualTo("{\"model\":\"models/gemini-embedding-001\",\"content\":{\"parts\":[{\"text\":"
                        + "\"first text\"}]},\"outputDimensionality\":48}");
        // Google reports none: four characters a token, 16 characters.
        assertThat(answered(result).usage().promptTokens()).isEqualTo(4);
    }

    @Test
    void cohereEmbedsDocumentsWithoutTruncationAndBillsItsUnits() throws Exception {
        ProviderBackend backend = backend(ProviderKind.COHERE, "cohere", cohere.baseUrl(), KEY);
        CallResult result = backend.embed("embed-v4.0", embed(null, "hello"), null);
        vectors(result, 1, 32);
        assertThat(cohere.lastRequest().body().toString()).isEqualTo("{\"model\":\"embed-v4.0\",\"input_type\":"
                + "\"search_document\",\"truncate\":\"NONE\",\"texts\":[\"hello\"],\"embedding_types\":[\"float\"]}");
        assertThat(answered(result).usage().promptTokens()).isEqualTo(2);
        CallResult tooLong = backend.embed("embed-v4.0", embed(null, "word ".repeat(2_000)), null);
        assertThat(error(tooLong).message()).contains("too long");
    }

    @Test
    void anInputBeyondTheWindowIsRefusedAndFailsOverNotCut() throws Exception {
        CallResult result = backend(ProviderKind.OPENAI, "openai", openAi.baseUrl() + "/v1", KEY)
                .embed("text-embedding-3-small", embed(null, "word ".repeat(2_000)), null);
        assertThat(error(result).code()).isEqualTo(ErrorCode.CONTEXT_TOO_LONG);
    }

    @Test
    void troublesAreReadAsForChat() throws Exception {
        ProviderBackend backend = backend(ProviderKind.OPENAI, "openai", openAi.baseUrl() + "/v1", KEY);
        Calls.assertClassified(openAi, () -> backend.embed("text-embedding-3-small", embed(null, "x"), null),
                EnumSet.of(Trouble.UNAUTHORIZED, Trouble.RATE_LIMITED, Trouble.SERVER_ERROR));
        assertThat(error(backend(ProviderKind.OPENAI, "openai", openAi.baseUrl() + "/v1", "sk-wrong-key-000000")
                .embed("text-embedding-3-small", embed(null, "x"), null)).code()).isEqualTo(ErrorCode.AUTHENTICATION);
    }

    @Test
    void aKindWithoutAnEmbeddingsApiFailsOverWithoutACall() throws Exception {
        long before = openAi.calls();
        CallResult result = backend(ProviderKind.ANTHROPIC, "claude", openAi.baseUrl(), KEY).embed("any",
                embed(null, "x"), null);
        assertThat(error(result).code()).isEqualTo(ErrorCode.TARGET_UNSUITABLE);
        assertThat(error(result).message()).contains("claude (anthropic) has no embeddings API");
        assertThat(openAi.calls()).isEqualTo(before);
    }
}
