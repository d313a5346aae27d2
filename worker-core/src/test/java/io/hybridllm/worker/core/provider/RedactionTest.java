package io.hybridllm.worker.core.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class RedactionTest {

    @Test
    void theKeyInUseIsRemovedWhereverItAppears() {
        String key = "plainkey0123456789abcdef";
        assertThat(Redaction.redact("rejected " + key + " at " + key, key))
                .isEqualTo("rejected [redacted] at [redacted]");
    }

    @Test
    void keyShapedTokensOfEveryProviderAreRemoved() {
        assertThat(Redaction.redact("Incorrect API key provided: sk-proj-AbCd****wxyz. You can find...", null))
                .isEqualTo("Incorrect API key provided: [redacted]. You can find...");
        assertThat(Redaction.redact("key sk-ant-api03-abcdefgh was revoked", null))
                .isEqualTo("key sk-[redacted] was revoked");
        assertThat(Redaction.redact("Incorrect API key provided: na***ys. You can obtain an API key", null))
                .isEqualTo("Incorrect API key provided: [redacted]. You can obtain an API key");
        assertThat(Redaction.redact("bad xai-Q1w2E3r4T5 here", null)).isEqualTo("bad xai-[redacted] here");
        assertThat(Redaction.redact("Invalid API key: AIzaSyA1234567890abcdefghij", null))
                .isEqualTo("Invalid API key: [redacted]");
        assertThat(Redaction.redact("GET /v1beta/models?key=secret123&alt=json", null))
                .isEqualTo("GET /v1beta/models?key=[redacted]&alt=json");
        assertThat(Redaction.redact("token abcd****wxyz refused", null)).isEqualTo("token [redacted] refused");
    }

    @Test
    void ordinaryMessagesAreLeftAlone() {
        String text = "This model's maximum context length is 128000 tokens. Please reduce the length.";
        assertThat(Redaction.redact(text, "sk-unrelated")).isEqualTo(text);
        assertThat(Redaction.redact(null, "x")).isNull();
    }

    @Test
    void aProvidersMessageOfOneLongWordIsRedactedInLinearTime() {
        // With java.util.regex the masked-key rule took minutes on this; the guard only catches a hang.
        String word = "a".repeat(1 << 20);
        String redacted = assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> Redaction.redact(word + " then sk-proj-AbCd****wxyz", null));
        assertThat(redacted).startsWith(word).endsWith(" then sk-[redacted]");
    }
}
