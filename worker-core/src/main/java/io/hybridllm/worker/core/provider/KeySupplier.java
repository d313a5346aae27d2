package io.hybridllm.worker.core.provider;

import java.util.Optional;

/**
 * Where an adapter takes the key for its next call. A fixed key for now; key rotation plugs in here (a supplier that
 * moves to the next key after a 401 or 429), without the adapters knowing.
 */
@FunctionalInterface
public interface KeySupplier {

    /** The key to use for the next call, or empty when none is configured. */
    Optional<ApiKey> current();

    /** Where an operator sets the key, for messages such as "no API key configured for openai: set OPENAI_API_KEY". */
    default String source() {
        return "an API key";
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
