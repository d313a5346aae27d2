package io.hybridllm.ingest.requests;

import jakarta.enterprise.context.ApplicationScoped;

import io.hybridllm.contracts.LlmRequest;
import io.hybridllm.ingest.messaging.Submissions;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Makes a submitted request durable before it is acknowledged: the row is written, the record is sent and acknowledged
 * by Kafka, and only then is the row committed. A failed send rolls the row back, so there is no phantom; a crash after
 * the send but before the commit is healed when ingest reads the record back from {@code llm.requests}.
 */
@ApplicationScoped
public class Intake {

    private final RequestStore store;
    private final Submissions submissions;
    private final MeterRegistry metrics;

    public Intake(RequestStore store, Submissions submissions, MeterRegistry metrics) {
        this.store = store;
        this.submissions = submissions;
        this.metrics = metrics;
    }

    public void accept(LlmRequest request) {
        QuarkusTransaction.requiringNew().run(() -> {
            store.recordSubmitted(request, "http");
            try {
                submissions.sendAndAwait(request);
            } catch (RuntimeException e) {
                throw new EnqueueFailedException(e);
            }
        });
        metrics.counter("hybrid.ingest.submitted", "source", "http").increment();
    }

    /** Kafka did not take the request; nothing was stored, and the client should retry. */
    public static class EnqueueFailedException extends RuntimeException {
        EnqueueFailedException(Throwable cause) {
            super("the request could not be queued in Kafka: " + cause.getMessage(), cause);
        }
    }
}
