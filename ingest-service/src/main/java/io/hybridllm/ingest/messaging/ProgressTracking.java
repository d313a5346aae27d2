package io.hybridllm.ingest.messaging;

import java.time.temporal.ChronoUnit;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.hybridllm.contracts.CallStarted;
import io.hybridllm.contracts.Channels;
import io.hybridllm.contracts.json.InvalidMessageException;
import io.hybridllm.contracts.json.Json;
import io.hybridllm.ingest.requests.RequestStore;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.common.annotation.Blocking;

/** Reads the workers' announcements that a model call began, in a group of its own, to show a request as running. */
@ApplicationScoped
public class ProgressTracking {

    private final RequestStore store;
    private final MeterRegistry metrics;

    public ProgressTracking(RequestStore store, MeterRegistry metrics) {
        this.store = store;
        this.metrics = metrics;
    }

    @Incoming(Channels.PROGRESS)
    @Blocking
    @Retry(maxRetries = 10, delay = 200, jitter = 100, maxDuration = 60, durationUnit = ChronoUnit.SECONDS, abortOn = InvalidMessageException.class)
    public void onCallStarted(String payload) {
        CallStarted call;
        try {
            call = Json.read(payload, CallStarted.class);
        } catch (InvalidMessageException e) {
            // News, not work: a status shown a little less precisely is all an unreadable record costs.
            metrics.counter("hybrid.ingest.unreadable.progress").increment();
            return;
        }
        QuarkusTransaction.requiringNew().run(() -> store.recordStarted(call));
    }
}
