package io.hybridllm.ingest.messaging;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.TransactionManager;

import org.eclipse.microprofile.reactive.messaging.Channel;

import io.hybridllm.contracts.Cancellation;
import io.hybridllm.contracts.Channels;
import io.hybridllm.contracts.json.Json;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.Record;

/**
 * Tells the workers that a request was cancelled, on the compacted {@code llm.cancellations}, keyed by request id; and
 * clears that once the request has long ended.
 */
@ApplicationScoped
public class CancellationPublisher {

    private final MutinyEmitter<Record<String, String>> emitter;
    private final TransactionManager transactions;

    public CancellationPublisher(TransactionManager transactions,
            @Channel(Channels.CANCELLATIONS) MutinyEmitter<Record<String, String>> emitter) {
        this.emitter = emitter;
        this.transactions = transactions;
    }

    /** Returns once the broker acknowledged the record; throws if it did not within the producer's timeouts. */
    public void sendAndAwait(Cancellation cancellation) {
        emitter.sendAndAwait(Record.of(cancellation.requestId(), Json.write(cancellation)));
    }

    /**
     * Tombstones the cancellations of requests that ended long ago, so that compaction drops them; returns once the
     * broker acknowledged every one.
     */
    public void sendTombstonesAndAwait(List<String> requestIds) {
        AckedSends.sendAll(emitter, requestIds.stream().map(id -> Record.<String, String> of(id, null)).toList(),
                transactions);
    }

    /** Sends many and returns once the broker acknowledged every one; throws if any was refused. */
    public void sendAllAndAwait(List<Cancellation> cancellations) {
        AckedSends.sendAll(emitter, cancellations.stream().map(c -> Record.of(c.requestId(), Json.write(c))).toList(),
                transactions);
    }
}
