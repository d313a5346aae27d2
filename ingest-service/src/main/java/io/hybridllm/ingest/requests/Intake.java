package io.hybridllm.ingest.requests;

import java.util.Optional;

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
    private final IdempotencyKeys keys;
    private final Submissions submissions;
    private final MeterRegistry metrics;

    public Intake(RequestStore store, IdempotencyKeys keys, Submissions submissions, MeterRegistry metrics) {
        this.store = store;
        this.keys = keys;
        this.submissions = submissions;
        this.metrics = metrics;
    }

    /** A client's Idempotency-Key and the fingerprint of the submission it came with. */
    public record Idempotency(String key, String fingerprint) {
    }

    /** The request the submission stands for: the new one, or the one an earlier submit with the same key made. */
    public record Admission(String id, boolean replayed) {
    }

    public Admission accept(LlmRequest request, Optional<Idempotency> idempotency) {
        Admission admission = QuarkusTransaction.requiringNew().call(() -> {
            Optional<String> earlier = idempotency
                    .flatMap(claim -> keys.claim(request.tenant(), claim.key(), claim.fingerprint(), request.id()));
            if (earlier.isPresent()) {
                return new Admission(earlier.get(), true);
            }
            store.recordSubmitted(request, "http");
            try {
                submissions.sendAndAwait(request);
            } catch (RuntimeException e) {
                throw new EnqueueFailedException("request", e);
            }
            return new Admission(request.id(), false);
        });
        metrics.counter("hybrid.ingest.submitted", "source", "http", "replayed", String.valueOf(admission.replayed()))
                .increment();
        return admission;
    }

    /** Kafka did not take a record (a request, a cancellation); nothing was stored, and the client should retry. */
    public static class EnqueueFailedException extends RuntimeException {
        public EnqueueFailedException(String what, Throwable cause) {
            super("the " + what + " could not be queued in Kafka: " + cause.getMessage(), cause);
        }
    }
}
