package io.hybridllm.worker.cloud.config;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;

import io.hybridllm.worker.core.provider.ApiKey;
import io.hybridllm.worker.core.provider.RotatingKeys;

/**
 * The rotating keys of every provider that has no fixed key: those from its environment variables, followed by those
 * from the credential store, which {@link #useStored} replaces whenever the store is read.
 */
public class KeyRing {

    private record Entry(RotatingKeys keys, List<ApiKey> fromEnvironment, List<ApiKey> stored) {
    }

    private final boolean storeOn;
    private final Map<String, Entry> providers = new ConcurrentHashMap<>();
    private volatile BiConsumer<String, ApiKey> retirements = (provider, key) -> {
    };

    /** {@code storeOn}: whether this worker has a credential store, to say so in messages. */
    public KeyRing(boolean storeOn) {
        this.storeOn = storeOn;
    }

    public boolean storeOn() {
        return storeOn;
    }

    /**
     * The rotating keys of {@code provider}, starting with those from its environment variables; {@code variables}
     * names them, for messages.
     */
    RotatingKeys rotating(String provider, List<ApiKey> fromEnvironment, String variables) {
        String store = "the credential store (PUT /v1/credentials/" + provider + "/<name>)";
        String source = !storeOn ? variables : variables.isEmpty() ? store : variables + " or " + store;
        RotatingKeys keys = new RotatingKeys(provider, fromEnvironment, source, Clock.systemUTC(),
                key -> retirements.accept(provider, key));
        // A provider rebuilt after a policy change keeps the stored keys it had, until the store is read again.
        List<ApiKey> stored = Optional.ofNullable(providers.get(provider)).map(Entry::stored).orElse(List.of());
        providers.put(provider, new Entry(keys, List.copyOf(fromEnvironment), stored));
        if (!stored.isEmpty()) {
            useStored(provider, stored);
        }
        return keys;
    }

    /** The providers whose keys rotate, and so may use stored keys. */
    public Set<String> providers() {
        return Set.copyOf(providers.keySet());
    }

    /** From now on {@code provider} uses its environment's keys, then {@code stored}, in that order. */
    public void useStored(String provider, List<ApiKey> stored) {
        Entry entry = providers.get(provider);
        if (entry != null) {
            List<ApiKey> keys = new ArrayList<>(entry.fromEnvironment());
            keys.addAll(stored);
            entry.keys().replace(keys);
            providers.put(provider, new Entry(entry.keys(), entry.fromEnvironment(), List.copyOf(stored)));
        }
    }

    /** Hears of every key retired after a 401, with its provider. */
    public void onRetired(BiConsumer<String, ApiKey> listener) {
        retirements = listener;
    }
}
