package io.hybridllm.ingest.messaging;

import java.time.temporal.ChronoUnit;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.hybridllm.contracts.Channels;
import io.hybridllm.contracts.LlmReply;
import io.hybridllm.contracts.LlmRequest;
import io.hybridllm.contracts.json.InvalidMessageException;
import io.hybridllm.contracts.json.Json;
import io.hybridllm.ingest.callbacks.CallbackOutbox;
import io.hybridllm.ingest.requests.Completions;
import io.hybridllm.ingest.requests.RequestStore;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.common.annotation.Blocking;

/**
 * Keeps the request store in step with Kafka: requests that jobs produced directly become pollable, and replies become
 * results. An unreadable record is dead-lettered with the reason at once; a database hiccup is retried, each try in a
 * transaction of its own, before the record is given up to the dead-letter topic.
 */
@ApplicationScoped
public class StatusTracking {

    private final RequestStore store;
    private final CallbackOutbox outbox;
    private final Completions completions;
    private final MeterRegistry metrics;

    public StatusTracking(RequestStore store, CallbackOutbox outbox, Completions completions, MeterRegistry metrics) {
        this.store = store;
        this.outbox = outbox;
        this.completions = completions;
        this.metrics = metrics;
    }

    @Incoming(Channels.REQUESTS)
    @Blocking
    @Retry(maxRetries = 10, delay = 200, jitter = 100, maxDuration = 60, durationUnit = ChronoUnit.SECONDS, abortOn = InvalidMessageException.class)
    public void onRequest(String payload) {
        LlmRequest request;
        try {
            request = Json.read(payload, LlmRequest.class);
        } catch (InvalidMessageException e) {
            // The router dead-letters unreadable requests; a second copy from here would only confuse whoever replays.
            metrics.counter("hybrid.ingest.unreadable.requests").increment();
            return;
        }
        QuarkusTransaction.requiringNew().run(() -> {
            store.recordSubmitted(request, "kafka");
            // A reply read before its request (they come from different topics) queued no callback: it knew no URL.
            outbox.enqueueReply(request.id());
        });
    }

    @Incoming(Channels.REPLIES)
    @Blocking
    @Retry(maxRetries = 10, delay = 200, jitter = 100, maxDuration = 60, durationUnit = ChronoUnit.SECONDS, abortOn = InvalidMessageException.class)
    public void onReply(String payload) {
        LlmReply reply = Json.read(payload, LlmReply.class);
        QuarkusTransaction.requiringNew().run(() -> {
            store.recordReply(reply);
            outbox.enqueueReply(reply.requestId());
        });
        completions.reached(reply.requestId());
        metrics.counter("hybrid.ingest.completed", "status", reply.status().name().toLowerCase()).increment();
    }
}
