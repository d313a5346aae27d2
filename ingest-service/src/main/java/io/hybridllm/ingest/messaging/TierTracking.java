package io.hybridllm.ingest.messaging;

import java.time.temporal.ChronoUnit;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.hybridllm.contracts.Channels;
import io.hybridllm.contracts.RoutedRequest;
import io.hybridllm.contracts.json.InvalidMessageException;
import io.hybridllm.contracts.json.Json;
import io.hybridllm.ingest.requests.RequestStore;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.common.annotation.Blocking;

/**
 * Reads the tier topics, read-only and in a consumer group of its own, to learn that a request was routed (the router
 * published it to a tier) or escalated (a worker handed it on to a later tier), with the decision and attempts so far.
 */
@ApplicationScoped
public class TierTracking {

    private final RequestStore store;
    private final MeterRegistry metrics;

    public TierTracking(RequestStore store, MeterRegistry metrics) {
        this.store = store;
        this.metrics = metrics;
    }

    @Incoming(Channels.TIERS)
    @Blocking
    @Retry(maxRetries = 10, delay = 200, jitter = 100, maxDuration = 60, durationUnit = ChronoUnit.SECONDS, abortOn = InvalidMessageException.class)
    public void onRouted(String payload) {
        RoutedRequest routed;
        try {
            routed = Json.read(payload, RoutedRequest.class);
        } catch (InvalidMessageException e) {
            // The workers dead-letter what they cannot read; ingest only watches.
            metrics.counter("hybrid.ingest.unreadable.routed").increment();
            return;
        }
        QuarkusTransaction.requiringNew().run(() -> store.recordRouted(routed));
    }
}
