package io.hybridllm.worker.core.provider;

import java.util.Objects;

/**
 * One API key: an id that may be logged and recorded (e.g. {@code OPENAI_API_KEY} or {@code anthropic#2}), and the
 * secret that may only go into the request header. {@link #toString()} shows the id alone, so a key that ends up in a
 * log line or an exception message by accident still leaks nothing.
 */
public record ApiKey(String id, String secret) {

    public ApiKey {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(secret, "secret");
        secret = secret.strip();
    }

    /** The HTTP client refuses control characters in a header value, and its complaint could quote the key. */
    public boolean usable() {
        return !secret.isEmpty() && secret.chars().noneMatch(c -> c < 0x20 || c == 0x7f);
    }

    @Override
    public String toString() {
        return "ApiKey[" + id + "]";
    }
}
