package io.hybridllm.ingest.messaging;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.hybridllm.contracts.Channels;
import io.hybridllm.contracts.RoutedRequest;
import io.hybridllm.ingest.requests.RequestStore;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.common.annotation.Blocking;

/**
 * Reads the tier topics, read-only and in a consumer group of its own, to learn that a request was routed (the router
 * published it to a tier) or escalated (a worker handed it on to a later tier), with the decision and attempts so far.
 */
@ApplicationScoped
public class TierTracking {

    private final RequestStore store;
    private final StatusWrites writes;
    private final MeterRegistry metrics;

    public TierTracking(RequestStore store, StatusWrites writes, MeterRegistry metrics) {
        this.store = store;
        this.writes = writes;
        this.metrics = metrics;
    }

    /**
     * One poll's records; an unreadable one is counted and skipped: the workers dead-letter it, ingest only watches.
     */
    @Incoming(Channels.TIERS)
    @Blocking
    public void onRouted(List<String> payloads) {
        List<RoutedRequest> routed = StatusWrites.readable(payloads, RoutedRequest.class,
                unreadable -> metrics.counter("hybrid.ingest.unreadable.routed").increment());
        writes.writeAll(routed, store::recordRouted);
    }
}
