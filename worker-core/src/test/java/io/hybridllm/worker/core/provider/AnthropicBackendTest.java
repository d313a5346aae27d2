package io.hybridllm.worker.core.provider;

import static io.hybridllm.worker.core.provider.Calls.answered;
import static io.hybridllm.worker.core.provider.Calls.error;
import static io.hybridllm.worker.core.provider.Calls.failed;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
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
import io.hybridllm.testkit.simulators.AnthropicSimulator;
import io.hybridllm.testkit.simulators.CloudSimulator.Trouble;
import io.hybridllm.testkit.simulators.ProviderSimulator.Received;
import io.hybridllm.worker.core.CallResult;

class AnthropicBackendTest {

    private static final String KEY = "sk-ant-api03-unit0123456789";
    private static final String MODEL = "claude-3-5-haiku-20241022";
    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
    private static AnthropicSimulator simulator;

    @BeforeAll
    static void start() {
        simulator = AnthropicSimulator.start(Duration.ZERO, List.of(MODEL), KEY);
    }

    @AfterAll
    static void stop() {
        simulator.close();
    }

    private static ProviderBackend claude(String key) {
        return new ProviderBackend(
                ProviderSettings.of("claude", ProviderKind.ANTHROPIC, simulator.baseUrl(),
                        KeySupplier.fixed(key, "ANTHROPIC_API_KEY")).withMaxTokens(1024),
                Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void systemIsTopLevelTurnsAreUserOrAssistantAndTemperatureStopsAtOne() throws Exception {
        CallResult.Answered answer = answered(
                claude(KEY).chat(MODEL, Calls.conversation(new GenerationOptions(200, 1.6))));

        Received received = simulator.lastRequest();
        assertThat(received.path()).isEqualTo("/v1/messages");
        assertThat(received.header("x-api-key")).isEqualTo(KEY);
        assertThat(received.header("anthropic-version")).isEqualTo("2023-06-01");
        assertThat(received.body().toString()).isEqualTo("{\"model\":\"" + MODEL + "\",\"max_tokens\":200,"
                + "\"system\":\"You review Java code.\",\"messages\":["
                + "{\"role\":\"user\",\"content\":\"Is this safe?\"},"
                + "{\"role\":\"assistant\",\"content\":\"Which code?\"},"
                + "{\"role\":\"user\",\"content\":\"Double-checked locking.\"}],\"temperature\":1.0}");
        assertThat(answer.answer()).startsWith("[simulated " + MODEL + "] You asked: Double-checked locking.");
        assertThat(answer.usage().promptTokens()).isPositive();
        assertThat(answer.usage().completionTokens()).isPositive();
    }

    @Test
    void maxTokensIsAlwaysSentBecauseAnthropicRequiresIt() throws Exception {
        answered(claude(KEY).chat(MODEL, Calls.hello()));
        assertThat(simulator.lastRequest().body().path("max_tokens").asInt()).isEqualTo(1024);
        assertThat(simulator.lastRequest().body().has("system")).isFalse();
        assertThat(claude(KEY).models()).containsExactly(MODEL);
    }

    @Test
    void everyTroubleIsClassified() throws Exception {
        Calls.assertClassified(simulator, () -> claude(KEY).chat(MODEL, Calls.hello()), EnumSet.allOf(Trouble.class));
    }

    @Test
    void overloadAndRateLimitsSayHowLongToWait() throws Exception {
        simulator.next(Trouble.OVERLOADED);
        assertThat(error(claude(KEY).chat(MODEL, Calls.hello()))).isEqualTo(
                new ErrorInfo(ErrorCode.OVERLOADED, "claude is overloaded (HTTP 529, overloaded_error): Overloaded"));

        simulator.next(Trouble.RATE_LIMITED);
        assertThat(failed(claude(KEY).chat(MODEL, Calls.hello())).retryAfter()).isEqualTo(Duration.ofSeconds(3));

        // Without retry-after, the reset time of the exhausted limit counts.
        simulator.failNext(1, 429, Map.of("anthropic-ratelimit-requests-remaining", "0",
                "anthropic-ratelimit-requests-reset", "2026-11-22T10:00:12Z"));
        assertThat(failed(claude(KEY).chat(MODEL, Calls.hello())).retryAfter()).isEqualTo(Duration.ofSeconds(12));
    }

    @Test
    void promptTooLongRefusalAndUnknownModelSayWhy() throws Exception {
        simulator.next(Trouble.CONTEXT_TOO_LONG);
        assertThat(error(claude(KEY).chat(MODEL, Calls.hello()))).isEqualTo(new ErrorInfo(ErrorCode.CONTEXT_TOO_LONG,
                "claude: the prompt is too long for the model (HTTP 400, invalid_request_error): "
                        + "prompt is too long: 208310 tokens > 200000 maximum"));
        simulator.next(Trouble.CONTENT_FILTERED);
        assertThat(error(claude(KEY).chat(MODEL, Calls.hello())).message())
                .isEqualTo("claude withheld the answer: stop_reason refusal");
        assertThat(error(claude(KEY).chat("claude-9", Calls.hello())).message()).isEqualTo(
                "claude cannot take this request (another target may) (HTTP 404, not_found_error): model: claude-9");
        ErrorInfo wrongKey = error(claude("sk-ant-wrong-0000").chat(MODEL, Calls.hello()));
        assertThat(wrongKey).isEqualTo(new ErrorInfo(ErrorCode.AUTHENTICATION,
                "claude refused the credentials (HTTP 401, authentication_error): invalid x-api-key"));
    }
}
