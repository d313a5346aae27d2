package io.hybridllm.worker.core;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

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
 * finished. Cancellations older than {@code hybrid.worker.cancellations.keep} are forgotten: their requests left the
 * tier topics long ago.
 */
@ApplicationScoped
public class Cancellations {

    private static final Logger LOG = Logger.getLogger(Cancellations.class);

    private final Map<String, Instant> cancelled = new ConcurrentHashMap<>();
    private final Duration keep;

    public Cancellations(MeterRegistry metrics,
            @ConfigProperty(name = "hybrid.worker.cancellations.keep", defaultValue = "8d") Duration keep) {
        this.keep = keep;
        metrics.gaugeMapSize("hybrid.worker.cancellations", List.of(), cancelled);
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
        Instant oldest = Instant.now().minus(keep);
        if (cancellation.at().isAfter(oldest)) {
            cancelled.put(cancellation.requestId(), cancellation.at());
        }
        cancelled.values().removeIf(at -> at.isBefore(oldest));
    }

    /** When the request was cancelled, if it was. */
    public Optional<Instant> cancelledAt(String requestId) {
        return Optional.ofNullable(cancelled.get(requestId));
    }
}
