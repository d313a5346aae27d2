package io.hybridllm.worker.core.provider;

import static io.hybridllm.worker.core.provider.Calls.answered;
import static io.hybridllm.worker.core.provider.Calls.backend;
import static io.hybridllm.worker.core.provider.Calls.error;
import static io.hybridllm.worker.core.provider.Calls.failed;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.hybridllm.contracts.ErrorInfo;
import io.hybridllm.contracts.ErrorInfo.ErrorCode;
import io.hybridllm.contracts.GenerationOptions;
import io.hybridllm.contracts.ProviderKind;
import io.hybridllm.testkit.simulators.CloudSimulator.Trouble;
import io.hybridllm.testkit.simulators.GeminiSimulator;
import io.hybridllm.testkit.simulators.ProviderSimulator.Received;
import io.hybridllm.worker.core.CallResult;

class GeminiBackendTest {

    private static final String KEY = "AIzaSyUnitTestKey0123456789abcdefghijk";
    private static final String MODEL = "gemini-1.5-flash";
    private static GeminiSimulator simulator;

    @BeforeAll
    static void start() {
        simulator = GeminiSimulator.start(Duration.ZERO, List.of(MODEL), KEY);
    }

    @AfterAll
    static void stop() {
        simulator.close();
    }

    private static ProviderBackend gemini(String key) {
        return backend(ProviderKind.GEMINI, "gemini", simulator.baseUrl(), key);
    }

    @Test
    void contentsPartsRolesAndSystemInstructionFollowGoogle() throws Exception {
        CallResult.Answered answer = answered(
                gemini(KEY).chat("models/" + MODEL, Calls.conversation(new GenerationOptions(300, 1.4))));

        Received received = simulator.lastRequest();
        assertThat(received.path()).isEqualTo("/v1beta/models/" + MODEL + ":generateContent");
        assertThat(received.query()).isNull();
        assertThat(received.header("x-goog-api-key")).isEqualTo(KEY);
        assertThat(received.body().toString())
                .isEqualTo("{\"contents\":[" + "{\"role\":\"user\",\"parts\":[{\"text\":\"Is this safe?\"}]},"
                        + "{\"role\":\"model\",\"parts\":[{\"text\":\"Which code?\"}]},"
                        + "{\"role\":\"user\",\"parts\":[{\"text\":\"Double-checked locking.\"}]}],"
                        + "\"systemInstruction\":{\"parts\":[{\"text\":\"You review Java code.\"}]},"
                        + "\"generationConfig\":{\"maxOutputTokens\":300,\"temperature\":1.4}}");
        assertThat(answer.answer()).startsWith("[simulated " + MODEL + "]");
        assertThat(answer.usage().promptTokens()).isPositive();
        assertThat(answer.usage().completionTokens()).isPositive();
        assertThat(gemini(KEY).models()).containsExactly(MODEL);
    }

    @Test
    void aWrongKeyIsAnAuthenticationErrorThoughGoogleAnswers400() throws Exception {
        String wrong = "AIzaSyWrongKey9876543210zyxwvutsrqpo";
        ErrorInfo error = error(gemini(wrong).chat(MODEL, Calls.hello()));
        assertThat(error).isEqualTo(new ErrorInfo(ErrorCode.AUTHENTICATION,
                "gemini refused the credentials (HTTP 400, INVALID_ARGUMENT): API key not valid. "
                        + "Please pass a valid API key."));
    }

    @Test
    void everyTroubleIsClassified() throws Exception {
        Calls.assertClassified(simulator, () -> gemini(KEY).chat(MODEL, Calls.hello()), EnumSet.allOf(Trouble.class));
    }

    @Test
    void aQuotaErrorWaitsAsItsRetryInfoSays() throws Exception {
        simulator.next(Trouble.RATE_LIMITED);
        CallResult.Failed failed = failed(gemini(KEY).chat(MODEL, Calls.hello()));
        assertThat(failed.retryAfter()).isEqualTo(Duration.ofSeconds(17));
        assertThat(failed.error().message()).startsWith(
                "gemini rate limit reached (HTTP 429, RESOURCE_EXHAUSTED; retry after 17 s): You exceeded your");
    }

    @Test
    void safetyAndContextTooLongSayWhy() throws Exception {
        simulator.next(Trouble.CONTENT_FILTERED);
        assertThat(error(gemini(KEY).chat(MODEL, Calls.hello()))).isEqualTo(
                new ErrorInfo(ErrorCode.CONTENT_FILTERED, "gemini withheld the answer: finishReason SAFETY"));
        simulator.next(Trouble.CONTEXT_TOO_LONG);
        assertThat(error(gemini(KEY).chat(MODEL, Calls.hello())).message()).isEqualTo(
                "gemini: the prompt is too long for the model (HTTP 400, INVALID_ARGUMENT): The input token count "
                        + "(1200293) exceeds the maximum number of tokens allowed (1048576).");
        assertThat(error(gemini(KEY).chat("gemini-9", Calls.hello())).code()).isEqualTo(ErrorCode.TARGET_UNSUITABLE);
    }
}
