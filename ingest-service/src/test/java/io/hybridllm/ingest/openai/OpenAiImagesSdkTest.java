package io.hybridllm.ingest.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.errors.BadRequestException;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionContentPart;
import com.openai.models.chat.completions.ChatCompletionContentPartImage;
import com.openai.models.chat.completions.ChatCompletionContentPartText;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.chat.completions.ChatCompletionUserMessageParam;

import io.hybridllm.contracts.ChatMessage;
import io.hybridllm.contracts.ContentPart;
import io.hybridllm.contracts.FinishReason;
import io.hybridllm.contracts.LlmRequest;
import io.hybridllm.ingest.support.PipelinePlayer;
import io.hybridllm.testkit.quarkus.KafkaTestResource;
import io.hybridllm.testkit.quarkus.PostgresTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

/**
 * The official OpenAI Java SDK sending image parts: they reach the queued request in order, as the contracts' parts; a
 * part no target could take is refused with a 400 naming it. Adapters' translations are tested in worker-core.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "ingest"))
class OpenAiImagesSdkTest {

    private static final String PNG = "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==";

    private static OpenAIClient client() {
        return OpenAIOkHttpClient.builder().baseUrl("http://localhost:" + RestAssured.port + "/v1").apiKey("sk-none")
                .maxRetries(0).build();
    }

    private static ChatCompletionContentPart text(String text) {
        return ChatCompletionContentPart.ofText(ChatCompletionContentPartText.builder().text(text).build());
    }

    private static ChatCompletionContentPart image(String url, ChatCompletionContentPartImage.ImageUrl.Detail detail) {
        ChatCompletionContentPartImage.ImageUrl.Builder image = ChatCompletionContentPartImage.ImageUrl.builder()
                .url(url);
        if (detail != null) {
            image.detail(detail);
        }
        return ChatCompletionContentPart
                .ofImageUrl(ChatCompletionContentPartImage.builder().imageUrl(image.build()).build());
    }

    private static ChatCompletionCreateParams params(List<ChatCompletionContentPart> parts) {
        return ChatCompletionCreateParams.builder().model("auto")
                .addMessage(ChatCompletionUserMessageParam.builder().contentOfArrayOfContentParts(parts).build())
                .build();
    }

    @Test
    void imagePartsReachTheRequestInOrder() throws Exception {
        List<LlmRequest> seen = new CopyOnWriteArrayList<>();
        try (PipelinePlayer player = PipelinePlayer
                .replying(request -> request.messages().getLast().content().startsWith("images:"), request -> {
                    seen.add(request);
                    return PipelinePlayer.reply(request, "A cat and a pixel.", FinishReason.STOP, null);
                })) {
            ChatCompletion answer = client().chat().completions()
                    .create(params(List.of(text("images: what is in "), image(PNG, null), text("and "),
                            image("https://example.com/cat.png", ChatCompletionContentPartImage.ImageUrl.Detail.LOW),
                            text("?"))));
            assertThat(answer.choices().getFirst().message().content()).hasValue("A cat and a pixel.");
        }
        ChatMessage message = seen.getFirst().messages().getLast();
        assertThat(message.content()).isEqualTo("images: what is in and ?");
        assertThat(message.parts()).containsExactly(new ContentPart.Text("images: what is in "),
                new ContentPart.Image(PNG, null), new ContentPart.Text("and "),
                new ContentPart.Image("https://example.com/cat.png", "low"), new ContentPart.Text("?"));
    }

    @Test
    void anImageNoTargetCouldTakeIsRefusedNamingThePart() {
        assertThatThrownBy(() -> client().chat().completions()
                .create(params(List.of(text("x"), image("http://intranet.local/secret.png", null)))))
                        .isInstanceOfSatisfying(BadRequestException.class, e -> {
                            assertThat(e.param()).hasValue("messages[0].content[1].image_url.url");
                            assertThat(e.getMessage()).contains("https://");
                        });
        List<ChatCompletionContentPart> tooMany = new java.util.ArrayList<>();
        for (int i = 0; i <= ContentPart.Image.MAX_IMAGES; i++) {
            tooMany.add(image(PNG, null));
        }
        assertThatThrownBy(() -> client().chat().completions().create(params(tooMany)))
                .isInstanceOfSatisfying(BadRequestException.class, e -> {
                    assertThat(e.param()).hasValue("messages.parts");
                    assertThat(e.getMessage()).contains("at most " + ContentPart.Image.MAX_IMAGES);
                });
    }
}
