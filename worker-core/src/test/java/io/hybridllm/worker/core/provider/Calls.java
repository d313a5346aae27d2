package io.hybridllm.worker.core.provider;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.hybridllm.contracts.ChatMessage;
import io.hybridllm.contracts.ErrorInfo;
import io.hybridllm.contracts.ErrorInfo.ErrorCode;
import io.hybridllm.contracts.GenerationOptions;
import io.hybridllm.contracts.LlmRequest;
import io.hybridllm.contracts.ProviderKind;
import io.hybridllm.contracts.Role;
import io.hybridllm.testkit.simulators.AnthropicSimulator;
import io.hybridllm.testkit.simulators.CloudSimulator;
import io.hybridllm.testkit.simulators.CloudSimulator.Trouble;
import io.hybridllm.testkit.simulators.CohereSimulator;
import io.hybridllm.testkit.simulators.GeminiSimulator;
import io.hybridllm.testkit.simulators.OpenAiSimulator;
import io.hybridllm.worker.core.CallResult;

/** Requests, settings and result checks the provider tests share. */
final class Calls {

    static final Duration SECOND = Duration.ofSeconds(1);

    /** A conversation with a system prompt and an earlier exchange, as the mapping tests want it. */
    static LlmRequest conversation(GenerationOptions options) {
        return new LlmRequest(0, "call-1", "acme", null, null,
                List.of(new ChatMessage(Role.SYSTEM, "You review Java code."), ChatMessage.user("Is this safe?"),
                        ChatMessage.assistant("Which code?"), ChatMessage.user("Double-checked locking.")),
                options, null, null, null, null, null);
    }

    static LlmRequest hello() {
        return new LlmRequest(0, "call-2", "acme", null, null, List.of(ChatMessage.user("Say hi")), null, null, null,
                null, null, null);
    }

    static ProviderBackend backend(ProviderKind kind, String name, String baseUrl, String key) {
        return new ProviderBackend(ProviderSettings.of(name, kind, baseUrl, KeySupplier.fixed(key, "TEST_KEY"))
                .withTimeouts(SECOND, Duration.ofSeconds(5), SECOND));
    }

    /** A simulator per kind serving {@code model}, each in its provider's format (OpenAI's for the OpenAI-shaped). */
    static Map<ProviderKind, CloudSimulator> simulators(String model, String key, ProviderKind... kinds) {
        Map<ProviderKind, CloudSimulator> simulators = new EnumMap<>(ProviderKind.class);
        for (ProviderKind kind : kinds) {
            simulators.put(kind, switch (kind) {
                case ANTHROPIC -> AnthropicSimulator.start(Duration.ZERO, List.of(model), key);
                case GEMINI -> GeminiSimulator.start(Duration.ZERO, List.of(model), key);
                case COHERE -> CohereSimulator.start(Duration.ZERO, List.of(model), key);
                default -> OpenAiSimulator.start(Duration.ZERO, List.of(model), key);
            });
        }
        return simulators;
    }

    /** The class each trouble a simulator offers must be read as, whatever the provider. */
    static final Map<Trouble, ErrorCode> TROUBLES = Map.of(Trouble.UNAUTHORIZED, ErrorCode.AUTHENTICATION,
            Trouble.RATE_LIMITED, ErrorCode.RATE_LIMITED, Trouble.OVERLOADED, ErrorCode.OVERLOADED,
            Trouble.SERVER_ERROR, ErrorCode.PROVIDER_ERROR, Trouble.CONTEXT_TOO_LONG, ErrorCode.CONTEXT_TOO_LONG,
            Trouble.CONTENT_FILTERED, ErrorCode.CONTENT_FILTERED);

    /** One call to the backend under test. */
    @FunctionalInterface
    interface Call {
        CallResult make() throws InterruptedException;
    }

    /** Each trouble, answered to one call, fails that call with its class. */
    static void assertClassified(CloudSimulator simulator, Call call, Set<Trouble> troubles)
            throws InterruptedException {
        for (Trouble trouble : troubles) {
            simulator.next(trouble);
            assertThat(error(call.make()).code()).as(trouble.name()).isEqualTo(TROUBLES.get(trouble));
        }
    }

    static CallResult.Answered answered(CallResult result) {
        assertThat(result).isInstanceOf(CallResult.Answered.class);
        return (CallResult.Answered) result;
    }

    static CallResult.Failed failed(CallResult result) {
        assertThat(result).isInstanceOf(CallResult.Failed.class);
        return (CallResult.Failed) result;
    }

    static ErrorInfo error(CallResult result) {
        return failed(result).error();
    }

    private Calls() {
    }
}
