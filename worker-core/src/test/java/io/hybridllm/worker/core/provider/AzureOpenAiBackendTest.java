package io.hybridllm.worker.core.provider;

import static io.hybridllm.worker.core.provider.Calls.answered;
import static io.hybridllm.worker.core.provider.Calls.backend;
import static io.hybridllm.worker.core.provider.Calls.error;
import static io.hybridllm.worker.core.provider.Calls.failed;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.hybridllm.contracts.ErrorInfo.ErrorCode;
import io.hybridllm.contracts.GenerationOptions;
import io.hybridllm.contracts.ProviderKind;
import io.hybridllm.testkit.simulators.AzureOpenAiSimulator;
import io.hybridllm.testkit.simulators.CloudSimulator.Trouble;
import io.hybridllm.testkit.simulators.ProviderSimulator.Received;
import io.hybridllm.worker.core.CallResult;

class AzureOpenAiBackendTest {

    private static final String KEY = "0123456789abcdef0123456789abcdef";
    private static final String DEPLOYMENT = "chat prod";
    private static AzureOpenAiSimulator simulator;

    @BeforeAll
    static void start() {
        simulator = AzureOpenAiSimulator.start(Duration.ZERO, Map.of(DEPLOYMENT, "gpt-4o"), KEY);
    }

    @AfterAll
    static void stop() {
        simulator.close();
    }

    private static CallResult call(String key) throws InterruptedException {
        return backend(ProviderKind.AZURE_OPENAI, "azure", simulator.baseUrl(), key).chat(DEPLOYMENT,
                Calls.conversation(new GenerationOptions(50, 0.2)));
    }

    @Test
    void theDeploymentIsInThePathAndTheKeyInApiKey() throws Exception {
        CallResult.Answered answer = answered(call(KEY));
        assertThat(answer.answer()).startsWith("[simulated gpt-4o]");
        assertThat(answer.usage().promptTokens()).isPositive();

        Received received = simulator.lastRequest();
        assertThat(received.path()).isEqualTo("/openai/deployments/chat prod/chat/completions");
        assertThat(received.query()).isEqualTo("api-version=" + AzureOpenAiFormat.DEFAULT_API_VERSION);
        assertThat(received.header("api-key")).isEqualTo(KEY);
        assertThat(received.header("Authorization")).isNull();
        assertThat(received.body().has("model")).isFalse();
        assertThat(received.body().path("max_tokens").asInt()).isEqualTo(50);
        assertThat(received.body().path("messages").size()).isEqualTo(4);
    }

    @Test
    void anotherApiVersionCanBeChosenAndModelsAreListed() throws Exception {
        ProviderBackend backend = new ProviderBackend(ProviderSettings.of("azure", ProviderKind.AZURE_OPENAI,
                simulator.baseUrl(), KeySupplier.fixed(KEY, "AZURE_OPENAI_API_KEY")).withApiVersion("2025-01-01"));
        answered(backend.chat(DEPLOYMENT, Calls.hello()));
        assertThat(simulator.lastRequest().query()).isEqualTo("api-version=2025-01-01");
        assertThat(backend.models()).containsExactly("gpt-4o");
    }

    @Test
    void azureErrorsAreClassified() throws Exception {
        assertThat(error(call("wrong")).code()).isEqualTo(ErrorCode.AUTHENTICATION);
        assertThat(error(
                backend(ProviderKind.AZURE_OPENAI, "azure", simulator.baseUrl(), KEY).chat("missing", Calls.hello())))
                        .satisfies(error -> assertThat(error.code()).isEqualTo(ErrorCode.TARGET_UNSUITABLE))
                        .satisfies(error -> assertThat(error.message()).startsWith(
                                "azure cannot take this request (another target may) (HTTP 404, DeploymentNotFound): The API deployment"));

        simulator.next(Trouble.CONTENT_FILTERED);
        assertThat(error(call(KEY)).message()).startsWith(
                "azure's content filter refused the request (HTTP 400, content_filter): The response was filtered");
        simulator.next(Trouble.CONTEXT_TOO_LONG);
        assertThat(error(call(KEY)).code()).isEqualTo(ErrorCode.CONTEXT_TOO_LONG);
        simulator.next(Trouble.OVERLOADED);
        assertThat(error(call(KEY)).code()).isEqualTo(ErrorCode.OVERLOADED);
        simulator.next(Trouble.SERVER_ERROR);
        assertThat(error(call(KEY)).code()).isEqualTo(ErrorCode.PROVIDER_ERROR);
    }

    @Test
    void aRateLimitHonoursRetryAfterMs() throws Exception {
        simulator.next(Trouble.RATE_LIMITED);
        CallResult.Failed failed = failed(call(KEY));
        assertThat(failed.error().code()).isEqualTo(ErrorCode.RATE_LIMITED);
        assertThat(failed.retryAfter()).isEqualTo(Duration.ofMillis(5500));
        assertThat(failed.error().message()).startsWith("azure rate limit reached (HTTP 429; retry after 5.5 s): ");
    }
}
