package io.hybridllm.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.hybridllm.contracts.json.InvalidMessageException;
import io.hybridllm.contracts.json.Json;

class ContentPartsTest {

    private static final String PNG = "data:image/png;base64,iVBORw0KGgo=";

    @Test
    void aMessageWithImagesKeepsItsPartsInOrderAndItsTextAsContent() {
        ChatMessage message = ChatMessage.userParts(List.of(new ContentPart.Text("what is "),
                new ContentPart.Image("https://example.com/cat.png", "low"), new ContentPart.Text("this?")));
        assertThat(message.content()).isEqualTo("what is this?");
        String json = Json.write(message);
        assertThat(json).contains("\"type\":\"image_url\"", "\"url\":\"https://example.com/cat.png\"");
        assertThat(Json.read(json, ChatMessage.class)).isEqualTo(message);
    }

    @Test
    void aRecordWrittenBeforePartsStillReadsAndTextPartsAloneAreText() {
        ChatMessage old = Json.read("{\"role\":\"user\",\"content\":\"hi\"}", ChatMessage.class);
        assertThat(old.parts()).isNull();
        assertThat(old.images()).isEmpty();
        assertThat(ChatMessage.userParts(List.of(new ContentPart.Text("hi")))).isEqualTo(ChatMessage.user("hi"));
    }

    @Test
    void imagesAreRefusedOutsideUserTurnsAndWithBadUrls() {
        assertThatThrownBy(() -> new ChatMessage(Role.ASSISTANT, null, null, null, null,
                List.of(new ContentPart.Image(PNG, null)))).hasMessageContaining("only a user message");
        assertThatThrownBy(() -> new ContentPart.Image("http://10.0.0.1/x.png", null))
                .isInstanceOf(InvalidMessageException.class).hasMessageContaining("https://");
        assertThatThrownBy(() -> new ContentPart.Image("data:text/html;base64,PGI+", null))
                .hasMessageContaining("data:image");
        assertThatThrownBy(() -> new ContentPart.Image(PNG, "ultra")).hasMessageContaining("auto, low or high");
        assertThatThrownBy(() -> new ChatMessage(Role.USER, "other text", null, null, null,
                List.of(new ContentPart.Text("x"), new ContentPart.Image(PNG, null))))
                        .hasMessageContaining("the text of the parts");
    }

    @Test
    void aRequestHoldsABoundedNumberAndSizeOfImages() {
        List<ContentPart> many = new ArrayList<>();
        for (int i = 0; i <= ContentPart.Image.MAX_IMAGES; i++) {
            many.add(new ContentPart.Image(PNG, null));
        }
        assertThatThrownBy(() -> request(ChatMessage.userParts(many))).isInstanceOf(InvalidMessageException.class)
                .hasMessageContaining("messages.parts").hasMessageContaining("at most 16");
        String big = "data:image/png;base64," + "A".repeat(ContentPart.Image.MAX_IMAGE_CHARS);
        assertThatThrownBy(() -> request(ChatMessage.userParts(List.of(new ContentPart.Image(big, null)))))
                .hasMessageContaining("inline image data");
        LlmRequest ok = request(ChatMessage.userParts(List.of(new ContentPart.Image(PNG, null))));
        assertThat(ok.hasImages()).isTrue();
        assertThat(ok.hasImageUrls()).isFalse();
    }

    private static LlmRequest request(ChatMessage message) {
        return new LlmRequest(SchemaVersion.CURRENT, "r1", "acme", null, null, List.of(message), null, null, null, null,
                null, null);
    }
}
