package io.hybridllm.worker.core.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.hybridllm.contracts.ChatMessage;
import io.hybridllm.contracts.ContentPart;
import io.hybridllm.contracts.LlmRequest;
import io.hybridllm.contracts.ProviderKind;
import io.hybridllm.contracts.Role;

/** Each adapter's translation of a user turn's text and image parts into its provider's documented shape. */
class ImageTranslationTest {

    private static final String DATA = "iVBORw0KGgo=";
    private static final String PNG = "data:image/png;base64," + DATA;
    private static final String URL = "https://example.com/cat.jpg";

    private static LlmRequest images(String... urls) {
        List<ContentPart> parts = new java.util.ArrayList<>(List.of(new ContentPart.Text("What is in these?")));
        for (String url : urls) {
            parts.add(new ContentPart.Image(url, url.startsWith("https") ? "low" : null));
        }
        return new LlmRequest(0, "img-1", "acme", null, null,
                List.of(new ChatMessage(Role.SYSTEM, "Be brief."), ChatMessage.userParts(parts)), null, null, null,
                null, null, null);
    }

    private static WireFormat format(ProviderKind kind) {
        return WireFormats.of(ProviderSettings.of(kind.name().toLowerCase(), kind, "http://localhost:1",
                KeySupplier.fixed("k", "KEY")));
    }

    private static JsonNode openAiShaped(ProviderKind kind) {
        return ((OpenAiFormat) format(kind)).body("m", images(PNG, URL)).path("messages").get(1).path("content");
    }

    @Test
    void openAiShapedApisGetImageUrlPartsWithTheirDetail() {
        String expected = "[{\"type\":\"text\",\"text\":\"What is in these?\"},"
                + "{\"type\":\"image_url\",\"image_url\":{\"url\":\"" + PNG + "\"}},"
                + "{\"type\":\"image_url\",\"image_url\":{\"url\":\"" + URL + "\",\"detail\":\"low\"}}]";
        for (ProviderKind kind : List.of(ProviderKind.OPENAI, ProviderKind.AZURE_OPENAI, ProviderKind.XAI,
                ProviderKind.OPENAI_COMPATIBLE)) {
            assertThat(openAiShaped(kind).toString()).as(kind.wireName()).isEqualTo(expected);
        }
        JsonNode cohere = ((CohereFormat) format(ProviderKind.COHERE)).body("command-a-vision", images(PNG, URL))
                .path("messages").get(1).path("content");
        assertThat(cohere.toString()).isEqualTo(expected);
    }

    @Test
    void mistralGetsTheUrlAsAString() {
        assertThat(openAiShaped(ProviderKind.MISTRAL).toString()).isEqualTo(
                "[{\"type\":\"text\",\"text\":\"What is in these?\"},{\"type\":\"image_url\",\"image_url\":\"" + PNG
                        + "\"},{\"type\":\"image_url\",\"image_url\":\"" + URL + "\"}]");
    }

    @Test
    void anthropicGetsImageBlocksWithABase64OrUrlSource() {
        JsonNode content = ((AnthropicFormat) format(ProviderKind.ANTHROPIC)).body("claude", images(PNG, URL))
                .path("messages").get(0).path("content");
        assertThat(content.toString()).isEqualTo("[{\"type\":\"text\",\"text\":\"What is in these?\"},"
                + "{\"type\":\"image\",\"source\":{\"type\":\"base64\",\"media_type\":\"image/png\",\"data\":\"" + DATA
                + "\"}},{\"type\":\"image\",\"source\":{\"type\":\"url\",\"url\":\"" + URL + "\"}}]");
    }

    @Test
    void geminiGetsInlineDataAndRefusesAUrlAsUnsuitableForItself() {
        JsonNode parts = ((GeminiFormat) format(ProviderKind.GEMINI)).body(images(PNG)).path("contents").get(0)
                .path("parts");
        assertThat(parts.toString()).isEqualTo("[{\"text\":\"What is in these?\"},"
                + "{\"inline_data\":{\"mime_type\":\"image/png\",\"data\":\"" + DATA + "\"}}]");
        assertThatThrownBy(() -> ((GeminiFormat) format(ProviderKind.GEMINI)).body(images(URL)))
                .isInstanceOf(ImageParts.UnsuitableContent.class).hasMessageContaining("only inline");
    }
}
