package io.hybridllm.worker.core.provider;

import static io.hybridllm.worker.core.provider.Calls.answered;
import static io.hybridllm.worker.core.provider.Calls.backend;
import static io.hybridllm.worker.core.provider.Calls.error;
import static io.hybridllm.worker.core.provider.Calls.failed;
import static org.assertj.core.api.Assertions.assertThat;

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
import io.hybridllm.testkit.simulators.CohereSimulator;
import io.hybridllm.testkit.simulators.ProviderSimulator.Received;
import io.hybridllm.worker.core.CallResult;

class CohereBackendTest {

    private static final String KEY = "co-unit-0123456789abcdef";
    private static final String MODEL = "command-r";
    private static CohereSimulator simulator;

    @BeforeAll
    static void start() {
        simulator = CohereSimulator.start(Duration.ZERO, List.of(MODEL), KEY);
    }

    @AfterAll
    static void stop() {
        simulator.close();
    }

    private static ProviderBackend cohere(String key) {
        return backend(ProviderKind.COHERE, "cohere", simulator.baseUrl(), key);
    }

    @Test
    void messagesKeepTheirRolesAndTemperatureStopsAtOne() throws Exception {
        CallResult.Answered answer = answered(
                cohere(KEY).chat(MODEL, Calls.conversation(new GenerationOptions(80, 2.0))));

        Received received = simulator.lastRequest();
        assertThat(received.path()).isEqualTo("/v2/chat");
        assertThat(received.header("Authorization")).isEqualTo("Bearer " + KEY);
        assertThat(received.body().toString()).isEqualTo("{\"model\":\"command-r\",\"stream\":false,\"messages\":["
                + "{\"role\":\"system\",\"content\":\"You review Java code.\"},"
                + "{\"role\":\"user\",\"content\":\"Is this safe?\"},"
                + "{\"role\":\"assistant\",\"content\":\"Which code?\"},"
                + "{\"role\":\"user\",\"content\":\"Double-checked locking.\"}],"
                + "\"max_tokens\":80,\"temperature\":1.0}");
        assertThat(answer.answer()).startsWith("[simulated command-r] You asked: Double-checked locking.");
    }

    @Test
    void usageIsTheBilledUnitsNotTheTemplatedTokens() throws Exception {
        CallResult.Answered answer = answered(cohere(KEY).chat(MODEL, Calls.hello()));
        // "Say hi\n" is 2 tokens by the simulator's count; Cohere's template adds its own on top, unbilled.
        assertThat(answer.usage().promptTokens()).isEqualTo(2);
        assertThat(answer.usage().completionTokens()).isPositive();
        assertThat(cohere(KEY).models()).containsExactly(MODEL);
    }

    @Test
    void everyDocumentedTroubleIsClassified() throws Exception {
        // Cohere documents no content filter.
        Calls.assertClassified(simulator, () -> cohere(KEY).chat(MODEL, Calls.hello()),
                EnumSet.complementOf(EnumSet.of(Trouble.CONTENT_FILTERED)));
    }

    @Test
    void errorsSayWhyAndARetryAfterIsHonoured() throws Exception {
        assertThat(error(cohere("co-wrong").chat(MODEL, Calls.hello()))).isEqualTo(new ErrorInfo(
                ErrorCode.AUTHENTICATION, "cohere refused the credentials (HTTP 401): invalid api token"));
        simulator.next(Trouble.CONTEXT_TOO_LONG);
        assertThat(error(cohere(KEY).chat(MODEL, Calls.hello())).message()).startsWith(
                "cohere: the prompt is too long for the model (HTTP 400): too many tokens: total number of tokens");
        simulator.failNext(1, 400, Map.of());
        simulator.failNext(1, 429, Map.of("Retry-After", "30"));
        assertThat(error(cohere(KEY).chat(MODEL, Calls.hello())).code()).isEqualTo(ErrorCode.INVALID_REQUEST);
        assertThat(failed(cohere(KEY).chat(MODEL, Calls.hello())).retryAfter()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void tooManyTokensForTheAnswerIsNotAPromptTooLong() {
        String body = "{\"message\":\"too many tokens: max tokens must be less than or equal to 4096, the maximum "
                + "output for this model - received 8192.\"}";
        CohereFormat format = new CohereFormat(ProviderSettings.of("cohere", ProviderKind.COHERE, null, null));
        assertThat(format.error(400, ErrorBodies.parse(body), body).code()).isEqualTo(ErrorCode.INVALID_REQUEST);
    }
}
