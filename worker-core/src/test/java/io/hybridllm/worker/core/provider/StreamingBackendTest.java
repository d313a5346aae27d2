package io.hybridllm.worker.core.provider;

import static io.hybridllm.worker.core.provider.Calls.answered;
import static io.hybridllm.worker.core.provider.Calls.error;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;

import io.hybridllm.contracts.ErrorInfo.ErrorCode;
import io.hybridllm.contracts.ProviderKind;
import io.hybridllm.contracts.StreamChunk.ToolCallDelta;
import io.hybridllm.testkit.simulators.AnthropicSimulator;
import io.hybridllm.testkit.simulators.AzureOpenAiSimulator;
import io.hybridllm.testkit.simulators.CohereSimulator;
import io.hybridllm.testkit.simulators.GeminiSimulator;
import io.hybridllm.testkit.simulators.OpenAiSimulator;
import io.hybridllm.worker.core.AnswerPieces;
import io.hybridllm.worker.core.CallResult;

/**
 * Every provider format streams against its simulator, which streams as the provider documents it: the pieces add up to
 * the answer a call without streaming gives, with the same usage, and errors and timeouts read as they do there.
 */
class StreamingBackendTest {

    private static final String KEY = "sk-stream-test-0123456789";

    @Test
    void openAiStreamsChunksAndAsksForUsage() throws Exception {
        try (OpenAiSimulator simulator = OpenAiSimulator.start(Duration.ZERO, List.of("gpt-4o-mini"), KEY)) {
            ProviderBackend backend = Calls.backend(ProviderKind.OPENAI, "openai", simulator.baseUrl() + "/v1", KEY);
            assertStreamsLikeChat(backend, "gpt-4o-mini");
            assertThat(simulator.lastRequest().body().path("stream").asBoolean()).isTrue();
            assertThat(simulator.lastRequest().body().path("stream_options").path("include_usage").asBoolean())
                    .isTrue();
        }
    }

    @Test
    void mistralIsNotSentStreamOptions() throws Exception {
        try (OpenAiSimulator simulator = OpenAiSimulator.start(Duration.ZERO, List.of("mistral-small"), KEY)) {
            ProviderBackend backend = Calls.backend(ProviderKind.MISTRAL, "mistral", simulator.baseUrl() + "/v1", KEY);
            answered(backend.stream("mistral-small", Calls.hello(), null, AnswerPieces.of(piece -> {
            }, call -> {
            })));
            assertThat(simulator.lastRequest().body().has("stream_options")).isFalse();
        }
    }

    @Test
    void azureStreamsFromItsDeployment() throws Exception {
        try (AzureOpenAiSimulator simulator = AzureOpenAiSimulator.start(Duration.ZERO, Map.of("chat", "gpt-4o"),
                KEY)) {
            ProviderBackend backend = new ProviderBackend(ProviderSettings.of("azure", ProviderKind.AZURE_OPENAI,
                    simulator.baseUrl(), KeySupplier.fixed(KEY, "AZURE_OPENAI_API_KEY")).withApiVersion("2025-01-01"));
            assertStreamsLikeChat(backend, "chat");
        }
    }

    @Test
    void anthropicStreamsMessageEvents() throws Exception {
        try (AnthropicSimulator simulator = AnthropicSimulator.start(Duration.ZERO, List.of("claude-haiku"), KEY)) {
            ProviderBackend backend = new ProviderBackend(ProviderSettings.of("claude", ProviderKind.ANTHROPIC,
                    simulator.baseUrl(), KeySupplier.fixed(KEY, "ANTHROPIC_API_KEY")).withMaxTokens(1024));
            assertStreamsLikeChat(backend, "claude-haiku");
            assertThat(simulator.lastRequest().body().path("stream").asBoolean()).isTrue();
        }
    }

    @Test
    void geminiStreamsGenerateContentAsSse() throws Exception {
        try (GeminiSimulator simulator = GeminiSimulator.start(Duration.ZERO, List.of("gemini-2.0-flash"), KEY)) {
            ProviderBackend backend = Calls.backend(ProviderKind.GEMINI, "gemini", simulator.baseUrl(), KEY);
            assertStreamsLikeChat(backend, "gemini-2.0-flash");
            assertThat(simulator.lastRequest().path()).endsWith(":streamGenerateContent");
            assertThat(simulator.lastRequest().query()).isEqualTo("alt=sse");
        }
    }

    @Test
    void cohereStreamsV2Events() throws Exception {
        try (CohereSimulator simulator = CohereSimulator.start(Duration.ZERO, List.of("command-r"), KEY)) {
            ProviderBackend backend = Calls.backend(ProviderKind.COHERE, "cohere", simulator.baseUrl(), KEY);
            assertStreamsLikeChat(backend, "command-r");
        }
    }

    @Test
    void anErrorStatusReadsAsWithoutStreamingAndNothingIsStreamed() throws Exception {
        try (OpenAiSimulator simulator = OpenAiSimulator.start(Duration.ZERO, List.of("gpt-4o-mini"), KEY)) {
            simulator.failNext(1, 429, Map.of("Retry-After", "2"));
            List<String> pieces = new CopyOnWriteArrayList<>();
            List<ToolCallDelta> calls = new CopyOnWriteArrayList<>();
            CallResult result = Calls.backend(ProviderKind.OPENAI, "openai", simulator.baseUrl() + "/v1", KEY)
                    .stream("gpt-4o-mini", Calls.hello(), null, AnswerPieces.of(pieces::add, calls::add));
            assertThat(error(result).code()).isEqualTo(ErrorCode.RATE_LIMITED);
            assertThat(((CallResult.Failed) result).retryAfter()).isEqualTo(Duration.ofSeconds(2));
            assertThat(pieces).isEmpty();
        }
    }

    @Test
    void aStreamSlowerThanTheTimeoutIsATimeoutEvenAfterItsFirstPieces() throws Exception {
        try (OpenAiSimulator simulator = OpenAiSimulator.start(Duration.ZERO, List.of("gpt-4o-mini"), KEY)) {
            simulator.setFrameDelay(Duration.ofMillis(150));
            List<String> pieces = new CopyOnWriteArrayList<>();
            List<ToolCallDelta> calls = new CopyOnWriteArrayList<>();
            long started = System.nanoTime();
            CallResult result = Calls.backend(ProviderKind.OPENAI, "openai", simulator.baseUrl() + "/v1", KEY).stream(
                    "gpt-4o-mini", Calls.hello(), Duration.ofMillis(500), AnswerPieces.of(pieces::add, calls::add));
            assertThat(error(result).code()).isEqualTo(ErrorCode.TIMEOUT);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
            assertThat(pieces).isNotEmpty();
        }
    }

    private static void assertStreamsLikeChat(ProviderBackend backend, String model) throws InterruptedException {
        CallResult.Answered whole = answered(backend.chat(model, Calls.hello()));
        List<String> pieces = new CopyOnWriteArrayList<>();
        List<ToolCallDelta> calls = new CopyOnWriteArrayList<>();
        CallResult.Answered streamed = answered(
                backend.stream(model, Calls.hello(), null, AnswerPieces.of(pieces::add, calls::add)));
        assertThat(pieces).hasSizeGreaterThan(2);
        assertThat(String.join("", pieces)).isEqualTo(streamed.answer()).isEqualTo(whole.answer());
        assertThat(streamed.usage()).isEqualTo(whole.usage());
        assertThat(streamed.usage().completionTokens()).isPositive();
        assertThat(streamed.truncated()).isFalse();
        assertThat(streamed.keyId()).isEqualTo(whole.keyId());
    }

}
