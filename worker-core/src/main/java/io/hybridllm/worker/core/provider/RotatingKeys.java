package io.hybridllm.worker.core.provider;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import org.jboss.logging.Logger;

/**
 * Several keys of one provider, used one after the other (seed 002). A key refused with 401 is revoked: it is retired
 * for the life of the process (and, through {@code onRetired}, wherever it is kept), with a log line naming its id. A
 * key refused otherwise (403, 402) or rate limited (429) hands over to the next key; a rate-limited one rests for the
 * wait the provider asked for (or {@value #DEFAULT_REST_MS} ms) before it is offered again. Only ids are ever logged or
 * returned in messages.
 * <p>
 * The keys may be {@linkplain #replace replaced} at runtime (a credential store reloaded); a retired id stays retired
 * unless it comes back with another secret, and whoever keeps the keys elsewhere hears of each retirement.
 */
public final class RotatingKeys implements KeySupplier {

    private static final Logger LOG = Logger.getLogger(RotatingKeys.class);
    static final long DEFAULT_REST_MS = 1000;

    private final String provider;
    private final String source;
    private final Clock clock;
    private final Consumer<ApiKey> onRetired;
    private final Map<String, ApiKey> retired = new LinkedHashMap<>();
    private final Map<String, Instant> restingUntil = new HashMap<>();
    private List<ApiKey> keys;
    private int next;

    /** {@code keys} in the order to use them; {@code source} names where they are configured, for messages. */
    public RotatingKeys(String provider, List<ApiKey> keys, String source, Clock clock) {
        this(provider, keys, source, clock, key -> {
        });
    }

    /** As above; {@code onRetired} hears of each key retired after a 401, outside this object's lock. */
    public RotatingKeys(String provider, List<ApiKey> keys, String source, Clock clock, Consumer<ApiKey> onRetired) {
        this.provider = provider;
        this.keys = List.copyOf(keys);
        this.source = source;
        this.clock = clock;
        this.onRetired = onRetired;
    }

    /**
     * Uses {@code keys} from now on, in that order. A retired id stays retired unless its secret changed (a new key
     * under the old name); a resting one keeps resting.
     */
    public synchronized void replace(List<ApiKey> keys) {
        List<ApiKey> replacement = List.copyOf(keys);
        retired.values().removeIf(old -> replacement.stream()
                .anyMatch(key -> key.id().equals(old.id()) && !key.secret().equals(old.secret())));
        this.keys = replacement;
        next = replacement.isEmpty() ? 0 : next % replacement.size();
    }

    /** The next key in turn that is not retired and not resting; when all are resting, the one free soonest. */
    @Override
    public synchronized Optional<ApiKey> current() {
        Instant now = clock.instant();
        ApiKey soonest = null;
        for (int i = 0; i < keys.size(); i++) {
            ApiKey key = keys.get((next + i) % keys.size());
            if (isRetired(key)) {
                continue;
            }
            Instant until = restingUntil.get(key.id());
            if (until == null || !now.isBefore(until)) {
                return Optional.of(key);
            }
            if (soonest == null || until.isBefore(restingUntil.get(soonest.id()))) {
                soonest = key;
            }
        }
        return Optional.ofNullable(soonest);
    }

    @Override
    public String source() {
        return source;
    }

    @Override
    public synchronized String unavailable(String provider) {
        if (retired.isEmpty()) {
            return KeySupplier.super.unavailable(provider);
        }
        return "every API key of " + provider + " was refused (HTTP 401) and retired: "
                + String.join(", ", retired.keySet()) + "; set valid keys in " + source
                + " (environment variables are read at start-up, the credential store every reload)";
    }

    @Override
    public void refused(ApiKey key, int status) {
        boolean newlyRetired;
        synchronized (this) {
            newlyRetired = status == 401 && retired.putIfAbsent(key.id(), key) == null;
            if (newlyRetired) {
                long left = keys.stream().filter(k -> !isRetired(k)).count();
                LOG.warnf("API key %s of %s was refused with HTTP 401 and is retired; %d of %d keys left", key.id(),
                        provider, left, keys.size());
            }
            passOn(key);
        }
        if (newlyRetired) {
            onRetired.accept(key);
        }
    }

    @Override
    public synchronized void rateLimited(ApiKey key, Duration wait) {
        Duration rest = wait == null ? Duration.ofMillis(DEFAULT_REST_MS) : wait;
        restingUntil.put(key.id(), clock.instant().plus(rest));
        passOn(key);
    }

    @Override
    public synchronized boolean hasOtherThan(String keyId) {
        Instant now = clock.instant();
        return keys.stream().anyMatch(key -> !key.id().equals(keyId) && !isRetired(key)
                && !now.isBefore(restingUntil.getOrDefault(key.id(), Instant.MIN)));
    }

    private boolean isRetired(ApiKey key) {
        return retired.containsKey(key.id());
    }

    /** Later calls start with the key after {@code key}. */
    private void passOn(ApiKey key) {
        int index = keys.indexOf(key);
        if (index >= 0) {
            next = (index + 1) % keys.size();
        }
    }
}
