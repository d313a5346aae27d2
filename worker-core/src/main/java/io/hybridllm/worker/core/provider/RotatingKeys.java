package io.hybridllm.worker.core.provider;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.jboss.logging.Logger;

/**
 * Several keys of one provider, used one after the other (seed 002). A key refused with 401 is revoked: it is retired
 * for the life of the process, with a log line naming its id. A key refused otherwise (403, 402) or rate limited (429)
 * hands over to the next key; a rate-limited one rests for the wait the provider asked for (or
 * {@value #DEFAULT_REST_MS} ms) before it is offered again. Only ids are ever logged or returned in messages.
 */
public final class RotatingKeys implements KeySupplier {

    private static final Logger LOG = Logger.getLogger(RotatingKeys.class);
    static final long DEFAULT_REST_MS = 1000;

    private final String provider;
    private final List<ApiKey> keys;
    private final String source;
    private final Clock clock;
    private final Set<String> retired = new LinkedHashSet<>();
    private final Map<String, Instant> restingUntil = new HashMap<>();
    private int next;

    /** {@code keys} in the order to use them; {@code source} names where they are configured, for messages. */
    public RotatingKeys(String provider, List<ApiKey> keys, String source, Clock clock) {
        this.provider = provider;
        this.keys = List.copyOf(keys);
        this.source = source;
        this.clock = clock;
    }

    /** The next key in turn that is not retired and not resting; when all are resting, the one free soonest. */
    @Override
    public synchronized Optional<ApiKey> current() {
        Instant now = clock.instant();
        ApiKey soonest = null;
        for (int i = 0; i < keys.size(); i++) {
            ApiKey key = keys.get((next + i) % keys.size());
            if (retired.contains(key.id())) {
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
        return "every API key of " + provider + " was refused (HTTP 401) and retired: " + String.join(", ", retired)
                + "; set valid keys in " + source + " and restart the worker";
    }

    @Override
    public synchronized void refused(ApiKey key, int status) {
        if (status == 401 && retired.add(key.id())) {
            long left = keys.stream().filter(k -> !retired.contains(k.id())).count();
            LOG.warnf("API key %s of %s was refused with HTTP 401 and is retired until the worker restarts; "
                    + "%d of %d keys left", key.id(), provider, left, keys.size());
        }
        passOn(key);
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
        return keys.stream().anyMatch(key -> !key.id().equals(keyId) && !retired.contains(key.id())
                && !now.isBefore(restingUntil.getOrDefault(key.id(), Instant.MIN)));
    }

    /** Later calls start with the key after {@code key}. */
    private void passOn(ApiKey key) {
        int index = keys.indexOf(key);
        if (index >= 0) {
            next = (index + 1) % keys.size();
        }
    }
}
