package io.hybridllm.worker.cloud.backend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.hybridllm.contracts.ChatMessage;
import io.hybridllm.contracts.ErrorInfo;
import io.hybridllm.contracts.ErrorInfo.ErrorCode;
import io.hybridllm.contracts.GenerationOptions;
import io.hybridllm.contracts.LlmRequest;
import io.hybridllm.testkit.simulators.OpenAiSimulator;
import io.hybridllm.testkit.support.FreePorts;
import io.hybridllm.worker.core.CallResult;

class OpenAiClientTest {

    private static final Duration SECOND = Duration.ofSeconds(1);
    private static final String KEY = "sk-unit-456";
    private static OpenAiSimulator simulator;

    @BeforeAll
    static void start() {
        simulator = OpenAiSimulator.start(Duration.ZERO, List.of("gpt-4o-mini"), KEY);
    }

    @AfterAll
    static void stop() {
        simulator.close();
    }

    private static OpenAiClient client(String baseUrl, String key, Duration timeout) {
        return new OpenAiClient(baseUrl, key, SECOND, timeout, SECOND);
    }

    private static LlmRequest request(GenerationOptions options) {
        return new LlmRequest(0, "client-1", "acme", null, null, List.of(ChatMessage.user("Say hi")), options, null,
                null, null, null, null);
    }

    private static ErrorInfo error(Object result) {
        return ((CallResult.Failed) result).error();
    }

    @Test
    void bodyHasTheDocumentedShape() {
        assertThat(OpenAiClient.body("gpt-4o-mini", request(new GenerationOptions(100, 0.5))).toString())
                .isEqualTo("{\"model\":\"gpt-4o-mini\",\"messages\":[{\"role\":\"user\",\"content\":\"Say hi\"}],"
                        + "\"max_tokens\":100,\"temperature\":0.5}");
        assertThat(OpenAiClient.body("m", request(null)).has("max_tokens")).isFalse();
    }

    @Test
    void chatAndModelsUseTheBearerKey() throws Exception {
        OpenAiClient client = client(simulator.baseUrl() + "/v1/", KEY, SECOND);
        assertThat(client.chat("gpt-4o-mini", request(null))).isInstanceOfSatisfying(CallResult.Answered.class,
                answered -> assertThat(answered.usage().completionTokens()).isPositive());
        assertThat(client.models()).containsExactly("gpt-4o-mini");
    }

    @Test
    void withoutAKeyNothingIsCalled() throws Exception {
        long before = simulator.calls();
        OpenAiClient client = client(simulator.baseUrl() + "/v1", " ", SECOND);
        assertThat(client.refusal()).contains(new ErrorInfo(ErrorCode.AUTHENTICATION, OpenAiClient.NO_KEY));
        assertThat(error(client.chat("gpt-4o-mini", request(null)))).isEqualTo(
                new ErrorInfo(ErrorCode.AUTHENTICATION, "no API key configured for openai: set OPENAI_API_KEY"));
        assertThatThrownBy(client::models).isInstanceOf(IOException.class).hasMessage(OpenAiClient.NO_KEY);
        assertThat(simulator.calls()).isEqualTo(before);
    }

    @Test
    void aKeyWithControlCharactersIsRefusedWithoutQuotingIt() throws Exception {
        OpenAiClient client = client(simulator.baseUrl() + "/v1", "sk-abc\u0007def", SECOND);
        ErrorInfo error = error(client.chat("gpt-4o-mini", request(null)));
        assertThat(error.code()).isEqualTo(ErrorCode.AUTHENTICATION);
        assertThat(error.message()).doesNotContain("sk-abc");
    }

    @Test
    void wrongKeyIsAnAuthenticationErrorWithoutTheKey() throws Exception {
        OpenAiClient client = client(simulator.baseUrl() + "/v1", "sk-not-the-key", SECOND);
        ErrorInfo error = error(client.chat("gpt-4o-mini", request(null)));
        assertThat(error.code()).isEqualTo(ErrorCode.AUTHENTICATION);
        assertThat(error.message()).doesNotContain("sk-not-the-key");
        assertThatThrownBy(client::models).hasMessageContaining("HTTP 401").hasMessageNotContaining("sk-not-the-key");
    }

    @Test
    void slowAnswerTimesOutAndNothingListeningIsUnavailable() throws Exception {
        try (OpenAiSimulator slow = OpenAiSimulator.start(Duration.ofSeconds(3), List.of("gpt-4o-mini"), KEY)) {
            assertThat(error(
                    client(slow.baseUrl() + "/v1", KEY, Duration.ofMillis(300)).chat("gpt-4o-mini", request(null)))
                            .code()).isEqualTo(ErrorCode.TIMEOUT);
        }
        assertThat(error(
                client("http://localhost:" + FreePorts.next() + "/v1", KEY, SECOND).chat("gpt-4o-mini", request(null)))
                        .code()).isEqualTo(ErrorCode.PROVIDER_UNAVAILABLE);
    }
}
