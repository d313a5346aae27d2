package io.hybridllm.worker.local.backend;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.hybridllm.contracts.ChatMessage;
import io.hybridllm.contracts.ContentPart;
import io.hybridllm.contracts.ErrorInfo.ErrorCode;
import io.hybridllm.contracts.LlmRequest;
import io.hybridllm.testkit.simulators.OllamaSimulator;
import io.hybridllm.worker.core.CallResult;

/** Ollama takes a turn's images as base64 beside its text, and refuses an image by URL as unsuitable for it. */
class OllamaImagesTest {

    private static LlmRequest image(String url) {
        return new LlmRequest(0, "img-1", "acme", null, null,
                List.of(ChatMessage
                        .userParts(List.of(new ContentPart.Text("What is this?"), new ContentPart.Image(url, "high")))),
                null, null, null, null, null, null);
    }

    @Test
    void anInlineImageGoesAsBase64BesideTheText() {
        JsonNode message = OllamaClient.body("llava:13b", image("data:image/jpeg;base64,/9j/4AAQ")).path("messages")
                .get(0);
        assertThat(message.path("content").asText()).isEqualTo("What is this?");
        assertThat(message.path("images").toString()).isEqualTo("[\"/9j/4AAQ\"]");
    }

    @Test
    void anImageByUrlIsNotFetchedButRefusedForThisTargetOnly() throws InterruptedException {
        // Nothing listens on port 1: a call that were made would fail as a transport error, not as unsuitable.
        OllamaClient client = new OllamaClient("http://localhost:1", Duration.ofMillis(200), Duration.ofSeconds(1),
                Duration.ofSeconds(1));
        CallResult result = client.chat("llava:13b", image("https://example.com/cat.png"));
        assertThat(result).isInstanceOfSatisfying(CallResult.Failed.class, failed -> {
            assertThat(failed.error().code()).isEqualTo(ErrorCode.TARGET_UNSUITABLE);
            assertThat(failed.error().message()).contains("only inline");
        });
    }

    @Test
    void theSimulatorReadsTheBase64ImagesAsOllamaDoes() throws InterruptedException {
        try (OllamaSimulator ollama = OllamaSimulator.start(Duration.ZERO, List.of("llava:13b"))) {
            OllamaClient client = new OllamaClient(ollama.baseUrl(), Duration.ofSeconds(1), Duration.ofSeconds(5),
                    Duration.ofSeconds(1));
            CallResult result = client.chat("llava:13b", image("data:image/png;base64,iVBORw0KGgo="));
            assertThat(result).isInstanceOfSatisfying(CallResult.Answered.class,
                    answered -> assertThat(answered.answer()).endsWith("What is this? [1 image]"));
        }
    }
}
