package io.hybridllm.worker.core.provider;

import static io.hybridllm.worker.core.provider.Calls.answered;
import static io.hybridllm.worker.core.provider.Calls.failed;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.hybridllm.contracts.ErrorInfo.ErrorCode;
import io.hybridllm.contracts.ProviderKind;
import io.hybridllm.testkit.simulators.OpenAiSimulator;

/** The adapter tells its keys what happened to each call, and says which key served it. */
class KeyRotationBackendTest {

    private static final List<ApiKey> KEYS = List.of(new ApiKey("KEY_A", "sk-first-000"),
            new ApiKey("KEY_B", "sk-second-111"));

    // Accepts any key, so that only the rotation decides which one is sent.
    private final OpenAiSimulator openai = OpenAiSimulator.start(Duration.ZERO, List.of("gpt-4o"), null);
    private final ProviderBackend backend = new ProviderBackend(ProviderSettings
            .of("openai", ProviderKind.OPENAI, openai.baseUrl() + "/v1",
                    new RotatingKeys("openai", KEYS, "KEY_A, KEY_B", Clock.systemUTC()))
            .withTimeouts(Calls.SECOND, Duration.ofSeconds(5), Calls.SECOND));

    @AfterEach
    void stop() {
        openai.close();
    }

    @Test
    void aRateLimitedKeyHandsTheNextCallToTheOtherKey() throws InterruptedException {
        openai.failNext(1, 429, Map.of("Retry-After", "20"));
        var limited = failed(backend.chat("gpt-4o", Calls.hello()));
        assertThat(limited.error().code()).isEqualTo(ErrorCode.RATE_LIMITED);
        assertThat(limited.keyId()).isEqualTo("KEY_A");
        assertThat(openai.lastRequest().header("Authorization")).isEqualTo("Bearer sk-first-000");
        assertThat(backend.hasOtherKeyThan("KEY_A")).isTrue();

        var answer = answered(backend.chat("gpt-4o", Calls.hello()));
        assertThat(answer.keyId()).isEqualTo("KEY_B");
        assertThat(openai.lastRequest().header("Authorization")).isEqualTo("Bearer sk-second-111");
    }

    @Test
    void aRevokedKeyIsNeverSentAgain() throws InterruptedException {
        openai.failNext(1, 401, Map.of());
        assertThat(failed(backend.chat("gpt-4o", Calls.hello())).keyId()).isEqualTo("KEY_A");
        for (int i = 0; i < 3; i++) {
            assertThat(answered(backend.chat("gpt-4o", Calls.hello())).keyId()).isEqualTo("KEY_B");
        }
        assertThat(backend.hasOtherKeyThan("KEY_B")).isFalse();
    }

    @Test
    void aRetryGetsOnlyWhatIsLeftOfTheBudget() throws InterruptedException {
        openai.setLatency(Duration.ofSeconds(2));
        var slow = failed(backend.chat("gpt-4o", Calls.hello(), Duration.ofMillis(300)));
        assertThat(slow.error().code()).isEqualTo(ErrorCode.TIMEOUT);
        assertThat(slow.error().message())
                .endsWith("did not answer within 300 ms (what was left of the failover budget)");
    }
}
