package io.hybridllm.ingest.messaging;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.TransactionManager;

import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;

import io.hybridllm.contracts.Channels;
import io.hybridllm.contracts.LlmRequest;
import io.hybridllm.contracts.json.Json;
import io.opentelemetry.context.Context;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.TracingMetadata;
import io.smallrye.reactive.messaging.kafka.Record;

/** Puts requests on {@code llm.requests}, keyed by id, and waits until Kafka has them (acks=all, idempotent). */
@ApplicationScoped
public class Submissions {

    private final MutinyEmitter<Record<String, String>> emitter;
    private final TransactionManager transactions;

    public Submissions(TransactionManager transactions,
            @Channel(Channels.SUBMISSIONS) MutinyEmitter<Record<String, String>> emitter) {
        this.emitter = emitter;
        this.transactions = transactions;
    }

    /** Returns once the broker acknowledged the record; throws if it did not within the producer's timeouts. */
    public void sendAndAwait(LlmRequest request) {
        // The request's record continues the trace of the HTTP call that submitted it.
        emitter.sendMessageAndAwait(Message.of(Record.of(request.id(), Json.write(request)))
                .addMetadata(TracingMetadata.withCurrent(Context.current())));
    }

    /** Sends many and returns once the broker acknowledged every one; throws if any was refused. */
    public void sendAllAndAwait(List<LlmRequest> requests) {
        AckedSends.sendAll(emitter, requests.stream().map(r -> Record.of(r.id(), Json.write(r))).toList(),
                transactions);
    }
}
