package io.hybridllm.ingest.messaging;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.hybridllm.contracts.CallStarted;
import io.hybridllm.contracts.Channels;
import io.hybridllm.ingest.requests.RequestStore;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.common.annotation.Blocking;

/** Reads the workers' announcements that a model call began, in a group of its own, to show a request as running. */
@ApplicationScoped
public class ProgressTracking {

    private final RequestStore store;
    private final StatusWrites writes;
    private final MeterRegistry metrics;

    public ProgressTracking(RequestStore store, StatusWrites writes, MeterRegistry metrics) {
        this.store = store;
        this.writes = writes;
        this.metrics = metrics;
    }

    /**
     * One poll's announcements. An unreadable one is counted and skipped: news, not work, it costs only a status shown
     * a little less precisely.
     */
    @Incoming(Channels.PROGRESS)
    @Blocking
    public void onCallStarted(List<String> payloads) {
        List<CallStarted> calls = StatusWrites.readable(payloads, CallStarted.class,
                unreadable -> metrics.counter("hybrid.ingest.unreadable.progress").increment());
        writes.writeAll(calls, store::recordStarted);
    }
}
