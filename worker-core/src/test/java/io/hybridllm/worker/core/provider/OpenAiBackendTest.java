package io.hybridllm.worker.core.provider;

import static io.hybridllm.worker.core.provider.Calls.answered;
import static io.hybridllm.worker.core.provider.Calls.backend;
import static io.hybridllm.worker.core.provider.Calls.error;
import static io.hybridllm.worker.core.provider.Calls.failed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.hybridllm.contracts.ErrorInfo;
import io.hybridllm.contracts.ErrorInfo.ErrorCode;
import io.hybridllm.contracts.GenerationOptions;
import io.hybridllm.contracts.ProviderKind;
import io.hybridllm.testkit.simulators.CloudSimulator.Trouble;
import io.hybridllm.testkit.simulators.OpenAiSimulator;
import io.hybridllm.testkit.simulators.ProviderSimulator.Received;
import io.hybridllm.worker.core.CallResult;

/** OpenAI's format, and the same format under Mistral's, xAI's and a compatible endpoint's names. */
class OpenAiBackendTest {

    private static final String KEY = "sk-unit-4567890abcdef";
    private static final String MODEL = "gpt-4o-mini";
    private static OpenAiSimulator simulator;

    @BeforeAll
    static void start() {
        simulator = OpenAiSimulator.start(Duration.ZERO, List.of(MODEL), KEY);
    }

    @AfterAll
    static void stop() {
        simulator.close();
    }

    private static ProviderBackend openai(String key) {
        return backend(ProviderKind.OPENAI, "openai", simulator.baseUrl() + "/v1/", key);
    }

    @Test
    void requestCarriesTheConversationAndOptionsAndTheBearerKey() throws Exception {
        CallResult result = openai(KEY).chat(MODEL, Calls.conversation(new GenerationOptions(100, 0.5)));

        Received received = simulator.lastRequest();
        assertThat(received.path()).isEqualTo("/v1/chat/completions");
        assertThat(received.header("Authorization")).isEqualTo("Bearer " + KEY);
        assertThat(received.body().toString()).isEqualTo("{\"model\":\"gpt-4o-mini\",\"messages\":["
                + "{\"role\":\"system\",\"content\":\"You review Java code.\"},"
                + "{\"role\":\"user\",\"content\":\"Is this safe?\"},"
                + "{\"role\":\"assistant\",\"content\":\"Which code?\"},"
                + "{\"role\":\"user\",\"content\":\"Double-checked locking.\"}],"
                + "\"max_completion_tokens\":100,\"temperature\":0.5}");
        CallResult.Answered answer = answered(result);
        assertThat(answer.answer()).startsWith("[simulated gpt-4o-mini]");
        assertThat(answer.usage().promptTokens()).isPositive();
        assertThat(answer.usage().completionTokens()).isPositive();
    }

    @Test
    void mistralXaiAndCompatibleEndpointsSpeakTheSameFormatWithMaxTokens() throws Exception {
        for (ProviderKind kind : List.of(ProviderKind.MISTRAL, ProviderKind.XAI)) {
            answered(backend(kind, kind.wireName(), simulator.baseUrl() + "/v1", KEY).chat(MODEL,
                    Calls.conversation(new GenerationOptions(64, null))));
            assertThat(simulator.lastRequest().body().path("max_tokens").asInt()).isEqualTo(64);
        }
        try (OpenAiSimulator open = OpenAiSimulator.start(Duration.ZERO, List.of("llama3"), null)) {
            ProviderBackend gateway = backend(ProviderKind.OPENAI_COMPATIBLE, "openrouter", open.baseUrl() + "/v1",
                    null);
            assertThat(gateway.refusal()).isEmpty();
            answered(gateway.chat("llama3", Calls.hello()));
            assertThat(open.lastRequest().header("Authorization")).isNull();
        }
    }

    @Test
    void modelsListsTheIds() throws Exception {
        assertThat(openai(KEY).models()).containsExactly(MODEL);
        assertThat(simulator.lastRequest().path()).isEqualTo("/v1/models");
    }

    @Test
    void withoutAKeyNothingIsCalled() throws Exception {
        long before = simulator.calls();
        ProviderBackend backend = new ProviderBackend(ProviderSettings.of("openai", ProviderKind.OPENAI,
                simulator.baseUrl() + "/v1", KeySupplier.fixed(" ", "OPENAI_API_KEY")));
        ErrorInfo noKey = new ErrorInfo(ErrorCode.AUTHENTICATION,
                "no API key configured for openai: set OPENAI_API_KEY");
        assertThat(backend.refusal()).contains(noKey);
        assertThat(error(backend.chat(MODEL, Calls.hello()))).isEqualTo(noKey);
        assertThatThrownBy(backend::models).isInstanceOf(IOException.class).hasMessage(noKey.message());
        assertThat(simulator.calls()).isEqualTo(before);
    }

    @Test
    void aKeyWithControlCharactersIsRefusedWithoutQuotingIt() throws Exception {
        ErrorInfo error = error(openai("sk-abc\u0007def").chat(MODEL, Calls.hello()));
        assertThat(error.code()).isEqualTo(ErrorCode.AUTHENTICATION);
        assertThat(error.message()).doesNotContain("sk-abc").contains("control characters");
    }

    @Test
    void aWrongKeyIsAnAuthenticationErrorAndItsEchoIsRedacted() throws Exception {
        String wrong = "sk-not-the-key-0123456789";
        ErrorInfo error = error(openai(wrong).chat(MODEL, Calls.hello()));
        assertThat(error.code()).isEqualTo(ErrorCode.AUTHENTICATION);
        assertThat(error.message()).startsWith("openai refused the credentials (HTTP 401, invalid_api_key): "
                + "Incorrect API key provided: [redacted].").doesNotContain("sk-n", "6789");
        assertThatThrownBy(openai(wrong)::models).hasMessageContaining("HTTP 401").hasMessageNotContaining("6789");
    }

    @Test
    void everyTroubleIsClassified() throws Exception {
        Calls.assertClassified(simulator, () -> openai(KEY).chat(MODEL, Calls.hello()), EnumSet.allOf(Trouble.class));
    }

    @Test
    void aRateLimitWaitsForTheExhaustedLimitsReset() throws Exception {
        simulator.next(Trouble.RATE_LIMITED);
        CallResult.Failed failed = failed(openai(KEY).chat(MODEL, Calls.hello()));
        assertThat(failed.retryAfter()).isEqualTo(Duration.ofMillis(1500));
        assertThat(failed.error().message()).startsWith(
                "openai rate limit reached (HTTP 429, rate_limit_exceeded; retry after 1.5 s): Rate limit reached");

        simulator.failNext(1, 429, Map.of("Retry-After", "7"));
        assertThat(failed(openai(KEY).chat(MODEL, Calls.hello())).retryAfter()).isEqualTo(Duration.ofSeconds(7));
        simulator.failNext(1, 500, Map.of("Retry-After", "7"));
        assertThat(failed(openai(KEY).chat(MODEL, Calls.hello())).retryAfter()).isNull();
    }

    @Test
    void unknownModelAndContextTooLongSayWhy() throws Exception {
        assertThat(error(openai(KEY).chat("gpt-9", Calls.hello()))).isEqualTo(new ErrorInfo(ErrorCode.TARGET_UNSUITABLE,
                "openai cannot take this request (another target may) (HTTP 404, model_not_found): The model `gpt-9` does not exist."));
        simulator.next(Trouble.CONTEXT_TOO_LONG);
        assertThat(error(openai(KEY).chat(MODEL, Calls.hello())).message()).startsWith(
                "openai: the prompt is too long for the model (HTTP 400, context_length_exceeded): This model's");
        simulator.next(Trouble.CONTENT_FILTERED);
        assertThat(error(openai(KEY).chat(MODEL, Calls.hello())).message())
                .isEqualTo("openai withheld the answer: finish_reason content_filter");
    }
}
