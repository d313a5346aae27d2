package io.hybridllm.ingest.requests;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.hybridllm.contracts.Cancellation;
import io.hybridllm.ingest.callbacks.CallbackOutbox;
import io.hybridllm.ingest.messaging.CancellationPublisher;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Cancels a request that has not ended: its row says {@code cancelled} and a {@link Cancellation} is in Kafka, both or
 * neither. The row is locked meanwhile, so a reply consumed at the same moment is recorded after it and keeps the
 * cancelled status (its details, what was paid for, are kept too).
 */
@ApplicationScoped
public class Cancelling {

    public enum Result {
        CANCELLED, ALREADY_CANCELLED, ALREADY_ENDED, NOT_FOUND
    }

    private final CancellationPublisher publisher;
    private final CallbackOutbox outbox;
    private final Completions completions;
    private final MeterRegistry metrics;

    public Cancelling(CancellationPublisher publisher, CallbackOutbox outbox, Completions completions,
            MeterRegistry metrics) {
        this.publisher = publisher;
        this.outbox = outbox;
        this.completions = completions;
        this.metrics = metrics;
    }

    public Result cancel(String id) {
        Result result = QuarkusTransaction.requiringNew().call(() -> {
            RequestRecord row = RequestRecord.findById(id, LockModeType.PESSIMISTIC_WRITE);
            if (row == null) {
                return Result.NOT_FOUND;
            }
            if (row.status == RequestStatus.CANCELLED) {
                return Result.ALREADY_CANCELLED;
            }
            if (row.status.isFinal()) {
                return Result.ALREADY_ENDED;
            }
            row.status = RequestStatus.CANCELLED;
            row.completedAt = Instant.now();
            outbox.enqueueEnded(id, RequestStatus.CANCELLED.endingError());
            try {
                publisher.sendAndAwait(Cancellation.of(id, row.tenant));
            } catch (RuntimeException e) {
                throw new Intake.EnqueueFailedException("cancellation", e);
            }
            return Result.CANCELLED;
        });
        if (result == Result.CANCELLED) {
            completions.reached(id);
            metrics.counter("hybrid.ingest.cancelled").increment();
        }
        return result;
    }
}
