package io.hybridllm.worker.core;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import io.hybridllm.contracts.Cancellation;
import io.hybridllm.contracts.Channels;
import io.hybridllm.contracts.json.InvalidMessageException;
import io.hybridllm.contracts.json.Json;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The requests their clients cancelled, from the compacted {@code llm.cancellations}, which every worker reads whole in
 * a group of its own. A worker checks before each call and skips a cancelled request; a call already under way is
 * finished. Bounded twice: cancellations older than {@code hybrid.worker.cancellations.keep} are forgotten (their
 * requests left the tier topics long ago), and beyond {@code hybrid.worker.cancellations.max} the oldest-received is
 * forgotten first, so a flood of cancellations costs a fixed amount of memory; a request whose cancellation was evicted
 * is answered rather than skipped.
 */
@ApplicationScoped
public class Cancellations {

    private static final Logger LOG = Logger.getLogger(Cancellations.class);

    /** In arrival order, which is about cancellation order: expiry and eviction both take from the head. */
    private final LinkedHashMap<String, Instant> cancelled = new LinkedHashMap<>();
    private final Duration keep;
    private final int max;
    private long evicted;

    public Cancellations(MeterRegistry metrics,
            @ConfigProperty(name = "hybrid.worker.cancellations.keep", defaultValue = "8d") Duration keep,
            @ConfigProperty(name = "hybrid.worker.cancellations.max", defaultValue = "1000000") int max) {
        if (max < 1) {
            throw new IllegalArgumentException(
                    "hybrid.worker.cancellations.max=" + max + " is refused: it must be" + " at least 1");
        }
        this.keep = keep;
        this.max = max;
        metrics.gauge("hybrid.worker.cancellations", this, Cancellations::size);
        metrics.gauge("hybrid.worker.cancellations.evicted", this, c -> c.evicted());
    }

    @Incoming(Channels.CANCELLATIONS)
    public void onCancellation(String payload) {
        if (payload == null) {
            // A tombstone: ingest clears a cancellation once its request has long ended; the entry here ages out.
            return;
        }
        Cancellation cancellation;
        try {
            cancellation = Json.read(payload, Cancellation.class);
        } catch (InvalidMessageException e) {
            // State, not work: an unreadable record is skipped, loudly.
            LOG.warnf("unreadable cancellation skipped: %s", e.getMessage());
            return;
        }
        remember(cancellation.requestId(), cancellation.at(), Instant.now());
    }

    synchronized void remember(String requestId, Instant at, Instant now) {
        Instant oldest = now.minus(keep);
        if (at.isAfter(oldest)) {
            cancelled.remove(requestId);
            cancelled.put(requestId, at);
        }
        // Amortised constant time: each entry is removed at most once.
        var entries = cancelled.entrySet().iterator();
        while (entries.hasNext()) {
            Map.Entry<String, Instant> head = entries.next();
            if (cancelled.size() > max) {
                entries.remove();
                evicted++;
            } else if (head.getValue().isBefore(oldest)) {
                entries.remove();
            } else {
                break;
            }
        }
    }

    /** When the request was cancelled, if it was (and is still remembered). */
    public synchronized Optional<Instant> cancelledAt(String requestId) {
        return Optional.ofNullable(cancelled.get(requestId));
    }

    synchronized int size() {
        return cancelled.size();
    }

    synchronized long evicted() {
        return evicted;
    }
}
