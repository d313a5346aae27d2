package io.hybridllm.worker.core.provider;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.hybridllm.contracts.ChatMessage;
import io.hybridllm.contracts.ContentPart;
import io.hybridllm.contracts.ErrorInfo.ErrorCode;
import io.hybridllm.contracts.LlmRequest;
import io.hybridllm.contracts.ProviderKind;
import io.hybridllm.testkit.simulators.CloudSimulator;
import io.hybridllm.testkit.simulators.OpenAiSimulator;
import io.hybridllm.worker.core.CallResult;

/**
 * Images end to end against each provider's simulator, which reads them in its provider's documented shape and refuses
 * another: the answer shows the images arrived, and the body on the wire holds them as the provider wants.
 */
class SimulatedImagesTest {

    private static final String KEY = "sim-images-key-0123456789";
    private static final String MODEL = "sim-vision-1";
    private static final String PNG = "data:image/png;base64,iVBORw0KGgo=";
    private static final String URL = "https://example.com/cat.jpg";
    private static final Map<ProviderKind, CloudSimulator> SIMULATORS = new EnumMap<>(ProviderKind.class);

    @BeforeAll
    static void start() {
        SIMULATORS.putAll(Calls.simulators(MODEL, KEY, ProviderKind.OPENAI, ProviderKind.MISTRAL,
                ProviderKind.ANTHROPIC, ProviderKind.GEMINI, ProviderKind.COHERE));
    }

    @AfterAll
    static void stop() {
        SIMULATORS.values().forEach(CloudSimulator::close);
    }

    private static LlmRequest images(String... urls) {
        List<ContentPart> parts = new ArrayList<>(List.of(new ContentPart.Text("Describe these")));
        for (String url : urls) {
            parts.add(new ContentPart.Image(url, null));
        }
        return new LlmRequest(0, "sim-images", "acme", null, null, List.of(ChatMessage.userParts(parts)), null, null,
                null, null, null, null);
    }

    private static ProviderBackend backend(ProviderKind kind) {
        // OpenAI-shaped base URLs end in the API version, as api.openai.com/v1 does.
        String path = SIMULATORS.get(kind) instanceof OpenAiSimulator ? "/v1" : "";
        return Calls.backend(kind, kind.name().toLowerCase(Locale.ROOT), SIMULATORS.get(kind).baseUrl() + path, KEY);
    }

    @ParameterizedTest
    @EnumSource(names = { "OPENAI", "MISTRAL", "ANTHROPIC", "COHERE" })
    void inlineAndUrlImagesArriveInTheProvidersShape(ProviderKind kind) throws Exception {
        CallResult answered = backend(kind).chat(MODEL, images(PNG, URL));
        assertThat(Calls.answered(answered).answer()).endsWith("Describe these [2 images]");
    }

    @Test
    void geminiTakesInlineImagesAndTheUrlIsNeverSent() throws Exception {
        assertThat(Calls.answered(backend(ProviderKind.GEMINI).chat(MODEL, images(PNG))).answer())
                .endsWith("Describe these [1 image]");
        long calls = SIMULATORS.get(ProviderKind.GEMINI).calls();
        assertThat(Calls.error(backend(ProviderKind.GEMINI).chat(MODEL, images(URL))).code())
                .isEqualTo(ErrorCode.TARGET_UNSUITABLE);
        assertThat(SIMULATORS.get(ProviderKind.GEMINI).calls()).isEqualTo(calls);
    }

}
