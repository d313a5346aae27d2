package io.hybridllm.ingest.requests;

import java.time.Instant;
import java.util.List;

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

    private static final int CHUNK = 500;

    private final RequestStore store;
    private final CancellationPublisher publisher;
    private final CallbackOutbox outbox;
    private final Completions completions;
    private final MeterRegistry metrics;

    public Cancelling(RequestStore store, CancellationPublisher publisher, CallbackOutbox outbox,
            Completions completions, MeterRegistry metrics) {
        this.store = store;
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
            row.cancelledRunning = row.status == RequestStatus.RUNNING;
            row.status = RequestStatus.CANCELLED;
            row.completedAt = Instant.now();
            outbox.enqueueEnded(id, row.endingError());
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

    /**
     * Cancels every request of {@code ids} that has not ended, as {@link #cancel} does one, a chunk of them per
     * transaction; returns how many it cancelled.
     */
    public int cancelAll(List<String> ids) {
        int cancelled = 0;
        for (int from = 0; from < ids.size(); from += CHUNK) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + CHUNK));
            List<Cancellation> done = QuarkusTransaction.requiringNew().call(() -> {
                List<RequestStore.CancelledRow> rows = store.cancelOpen(chunk);
                rows.forEach(row -> outbox.enqueueEnded(row.id(),
                        row.midCall() ? RequestStatus.CANCELLED_MID_CALL : RequestStatus.CANCELLED.endingError()));
                List<Cancellation> cancellations = rows.stream().map(row -> Cancellation.of(row.id(), row.tenant()))
                        .toList();
                try {
                    publisher.sendAllAndAwait(cancellations);
                } catch (RuntimeException e) {
                    throw new Intake.EnqueueFailedException("cancellation", e);
                }
                return cancellations;
            });
            done.forEach(c -> completions.reached(c.requestId()));
            cancelled += done.size();
        }
        metrics.counter("hybrid.ingest.cancelled").increment(cancelled);
        return cancelled;
    }

}
