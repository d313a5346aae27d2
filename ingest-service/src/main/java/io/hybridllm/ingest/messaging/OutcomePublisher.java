package io.hybridllm.ingest.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Channel;

import io.hybridllm.contracts.Channels;
import io.hybridllm.contracts.RequestOutcome;
import io.hybridllm.contracts.json.Json;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.Record;

/** Publishes a client's feedback, as a {@link RequestOutcome}, on {@code llm.outcomes}, keyed by request id. */
@ApplicationScoped
public class OutcomePublisher {

    private final MutinyEmitter<Record<String, String>> emitter;

    public OutcomePublisher(@Channel(Channels.OUTCOMES) MutinyEmitter<Record<String, String>> emitter) {
        this.emitter = emitter;
    }

    /** Returns once the broker acknowledged the record; throws if it did not within the producer's timeouts. */
    public void sendAndAwait(RequestOutcome outcome) {
        emitter.sendAndAwait(Record.of(outcome.requestId(), Json.write(outcome)));
    }
}
