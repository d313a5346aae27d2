package io.hybridllm.router.messaging;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import io.hybridllm.contracts.ErrorInfo;
import io.hybridllm.contracts.LlmRequest;
import io.hybridllm.contracts.RoutedRequest;
import io.hybridllm.contracts.RoutingDecision;
import io.hybridllm.contracts.json.Json;
import io.hybridllm.router.routing.TierRouter;
import io.hybridllm.router.routing.UnroutableException;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.reactive.messaging.MutinyEmitter;

/**
 * Requests that no usable tier can serve now but that have a deadline ahead: held, unacknowledged, until a tier they
 * may use comes back (they are routed then) or their deadline passes (they are failed {@code expired}, with the
 * reason). Being unacknowledged, a held request survives a router crash: it is redelivered and held again. It also
 * holds back its partition's committed offset, so after a crash the requests behind it are routed again
 * (at-least-once).
 */
@ApplicationScoped
public class HeldRequests {

    private static final Logger LOG = Logger.getLogger(HeldRequests.class);

    /** A held request, released or failed by {@code until}: its deadline, or the router's maximum hold if sooner. */
    private record Held(LlmRequest request, Message<String> incoming, Instant since, Instant until, long size) {
    }

    private final List<Held> held = new ArrayList<>();
    private final TierRouter router;
    private final UnroutableReplies replies;
    private final MutinyEmitter<String> released;
    private final MeterRegistry metrics;
    private final int capacity;
    private final long maxBytes;
    private final Duration maxHold;
    /** The size of every record held, in characters of its serialized JSON (bytes, for ASCII JSON). */
    private long heldBytes;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "held-requests");
        thread.setDaemon(true);
        return thread;
    });

    public HeldRequests(TierRouter router, UnroutableReplies replies,
            @Channel(RequestRouting.RELEASED) MutinyEmitter<String> released, MeterRegistry metrics,
            @ConfigProperty(name = "hybrid.router.hold.capacity", defaultValue = "10000") int capacity,
            @ConfigProperty(name = "hybrid.router.hold.check-interval", defaultValue = "1s") Duration interval,
            @ConfigProperty(name = "hybrid.router.hold.max-bytes", defaultValue = "67108864") long maxBytes,
            @ConfigProperty(name = "hybrid.router.hold.max", defaultValue = "5m") Duration maxHold) {
        this.router = router;
        this.replies = replies;
        this.released = released;
        this.metrics = metrics;
        this.capacity = capacity;
        this.maxBytes = maxBytes;
        this.maxHold = maxHold;
        metrics.gaugeCollectionSize("hybrid.router.held", List.of(), held);
        timer.scheduleWithFixedDelay(this::recheck, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Holds the request if its deadline is ahead and there is room, by count and by size; otherwise says why it must be
     * failed now. Failing it (with the reason, on its reply topics, before its record is acknowledged) rather than
     * leaving it unacknowledged keeps the promise that nothing accepted is lost: its client gets a definite answer, and
     * the partition is not stalled behind it.
     */
    public synchronized Optional<String> hold(LlmRequest request, Message<String> incoming, UnroutableException why) {
        Instant deadline = request.hints().deadline();
        Instant now = Instant.now();
        if (deadline == null || !now.isBefore(deadline)) {
            return Optional.of("it has no deadline ahead to wait for a usable tier until");
        }
        long size = incoming.getPayload() == null ? 0 : incoming.getPayload().length();
        if (held.size() >= capacity || heldBytes + size > maxBytes) {
            metrics.counter("hybrid.router.hold.refused").increment();
            return Optional.of("the router already holds " + held.size() + " requests of " + heldBytes
                    + " bytes, and holds at most " + capacity + " requests and " + maxBytes
                    + " bytes (hybrid.router.hold.capacity, hybrid.router.hold.max-bytes)");
        }
        Instant cap = now.plus(maxHold);
        Instant until = deadline.isAfter(cap) ? cap : deadline;
        held.add(new Held(request, incoming, now, until, size));
        heldBytes += size;
        LOG.infof("request %s held until a usable tier returns or %s: %s", request.id(), until, why.getMessage());
        return Optional.empty();
    }

    /** The size of the requests held now, as {@link #hold} counts it. */
    synchronized long heldBytes() {
        return heldBytes;
    }

    /** Looks again soon, e.g. because a tier's health or the policy changed. */
    public void recheckSoon() {
        timer.execute(this::recheck);
    }

    /** Routes what has become routable and fails what has expired, in arrival order. */
    synchronized void recheck() {
        Instant now = Instant.now();
        held.removeIf(request -> {
            try {
                boolean settled = settle(request, now);
                heldBytes -= settled ? request.size() : 0;
                return settled;
            } catch (RuntimeException e) {
                // One bad request must not keep the others waiting; it stays held and is tried again.
                LOG.errorf(e, "could not recheck held request %s", request.request().id());
                return false;
            }
        });
    }

    private boolean settle(Held held, Instant now) {
        LlmRequest request = held.request();
        try {
            RoutingDecision decision = router.decide(request);
            metrics.counter("hybrid.router.decisions", "tier", decision.tier().wireName()).increment();
            LOG.infof("held request %s released to %s after %d ms", request.id(), decision.tier().wireName(),
                    Duration.between(held.since(), now).toMillis());
            RequestRouting.acknowledgeWhen(held.incoming(), released
                    .sendMessage(Traces.continuing(held.incoming(),
                            Message.of(Json.write(new RoutedRequest(request, decision)))
                                    .addMetadata(RequestRouting.toTier(request, decision))))
                    .subscribeAsCompletionStage());
            return true;
        } catch (UnroutableException e) {
            if (now.isBefore(held.until())) {
                return false;
            }
            metrics.counter("hybrid.router.expired").increment();
            boolean capped = held.until().isBefore(request.hints().deadline());
            String reason = "held " + Duration.between(held.since(), now).toSeconds() + " s for a usable tier until"
                    + (capped ? " the router's maximum hold of " + maxHold + " (hybrid.router.hold.max), before" : "")
                    + " the deadline " + request.hints().deadline() + "; " + e.getMessage();
            RequestRouting.acknowledgeWhen(held.incoming(), replies.fail(held.incoming(), request, e.wanted(),
                    new ErrorInfo(ErrorInfo.ErrorCode.EXPIRED, reason)));
            return true;
        }
    }

    @PreDestroy
    void stop() {
        // Unacknowledged, whatever is still held is redelivered to the next router that takes the partition.
        timer.shutdownNow();
    }
}
