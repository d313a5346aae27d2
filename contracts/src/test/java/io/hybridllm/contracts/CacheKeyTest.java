package io.hybridllm.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.hybridllm.contracts.json.InvalidMessageException;
import io.hybridllm.contracts.json.Json;

/** What makes two requests the same for the response cache: the answer-changing fields, nothing else. */
class CacheKeyTest {

    private static LlmRequest request(String id, String tenant, String prompt, GenerationOptions options,
            RequestHints hints) {
        return new LlmRequest(0, id, tenant, null, TaskType.CHAT, List.of(ChatMessage.user(prompt)), options, hints,
                null, null, null, null);
    }

    private static LlmRequest request(String id, String prompt) {
        return request(id, "acme", prompt, null, null);
    }

    @Test
    void identityDeliveryAndLineEndsDoNotChangeTheKey() {
        LlmRequest first = request("a", "What is 2+2?");
        LlmRequest second = new LlmRequest(
                0, "b", "acme", "job-7", TaskType.CHAT, List.of(ChatMessage.user("  What is 2+2?\r\n")),
                new GenerationOptions(null, null).streamed(), new RequestHints(null, null, false, null, Priority.BATCH,
                        Instant.now().plusSeconds(60), Map.of(), true),
                "replies.acme.mine", "https://callback.example", Instant.EPOCH, List.of());
        assertThat(CacheKey.of(second)).isEqualTo(CacheKey.of(first));
    }

    @Test
    void tenantPromptAndEveryAnswerChangingOptionDoChangeIt() {
        CacheKey.Keys base = CacheKey.of(request("a", "What is 2+2?"));
        assertThat(CacheKey.of(request("a", "globex", "What is 2+2?", null, null))).isNotEqualTo(base);
        assertThat(CacheKey.of(request("a", "What is 3+3?")).exact()).isNotEqualTo(base.exact());
        assertThat(CacheKey.of(request("a", "acme", "What is 2+2?", new GenerationOptions(100, null), null)).exact())
                .isNotEqualTo(base.exact());
        assertThat(CacheKey.of(request("a", "acme", "What is 2+2?", new GenerationOptions(null, 0.7), null)).exact())
                .isNotEqualTo(base.exact());
        assertThat(CacheKey.of(request("a", "acme", "What is 2+2?", null,
                new RequestHints("openai", null, false, null, null, null, Map.of("model", "gpt-4o")))).exact())
                        .isNotEqualTo(base.exact());
    }

    @Test
    void theContextKeyLeavesOutTheMessagesOnly() {
        CacheKey.Keys two = CacheKey.of(request("a", "What is 2+2?"));
        CacheKey.Keys three = CacheKey.of(request("b", "What is 3+3?"));
        assertThat(three.context()).isEqualTo(two.context());
        assertThat(CacheKey.of(request("c", "acme", "What is 2+2?", new GenerationOptions(null, 0.2), null)).context())
                .isNotEqualTo(two.context());
    }

    @Test
    void contextOrderDoesNotMatter() {
        RequestHints ab = new RequestHints(null, null, false, null, null, null, Map.of("a", "1", "b", "2"));
        RequestHints ba = new RequestHints(null, null, false, null, null, null, Map.of("b", "2", "a", "1"));
        assertThat(CacheKey.of(request("x", "acme", "hi", null, ab)))
                .isEqualTo(CacheKey.of(request("y", "acme", "hi", null, ba)));
    }

    @Test
    void theCacheHintIsABooleanOrRefusedByName() {
        assertThat(Json.read("{\"cache\":false}", RequestHints.class).bypassesCache()).isTrue();
        assertThat(Json.read("{}", RequestHints.class).bypassesCache()).isFalse();
        assertThatThrownBy(() -> Json.read("{\"cache\":\"maybe\"}", RequestHints.class))
                .isInstanceOf(InvalidMessageException.class).hasMessageContaining("cache");
    }
}
