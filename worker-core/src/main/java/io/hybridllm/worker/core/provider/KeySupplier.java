package io.hybridllm.worker.core.provider;

import java.time.Duration;
import java.util.Optional;

/**
 * Where an adapter takes the key for its next call, and what it tells about the keys it used: a key refused (401, 403)
 * or rate limited (429). A fixed key ignores that; {@link RotatingKeys} moves on to the next key.
 */
@FunctionalInterface
public interface KeySupplier {

    /** The key to use for the next call, or empty when none is configured. */
    Optional<ApiKey> current();

    /** Where an operator sets the key, for messages such as "no API key configured for openai: set OPENAI_API_KEY". */
    default String source() {
        return "an API key";
    }

    /** Why no key is offered, for the refusal of a call: by default, where to configure one. */
    default String unavailable(String provider) {
        return "no API key configured for " + provider + ": set " + source();
    }

    /** A call with {@code key} was refused for its credentials, with HTTP {@code status}. */
    default void refused(ApiKey key, int status) {
    }

    /** A call with {@code key} hit a rate limit; the provider asked to wait {@code wait} (null: it did not say). */
    default void rateLimited(ApiKey key, Duration wait) {
    }

    /** Whether a key other than {@code keyId} is ready for a call now. */
    default boolean hasOtherThan(String keyId) {
        return false;
    }

    /** One key, read once from configuration; a blank one counts as none. */
    static KeySupplier fixed(String secret, String source) {
        Optional<ApiKey> key = secret == null || secret.isBlank() ? Optional.empty()
                : Optional.of(new ApiKey(source, secret));
        return new KeySupplier() {
            @Override
            public Optional<ApiKey> current() {
                return key;
            }

            @Override
            public String source() {
                return source;
            }
        };
    }

    static KeySupplier none() {
        return fixed(null, "no key");
    }
}
