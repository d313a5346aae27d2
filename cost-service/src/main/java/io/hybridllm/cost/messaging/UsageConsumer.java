package io.hybridllm.cost.messaging;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.hybridllm.contracts.Channels;
import io.hybridllm.contracts.UsageEvent;
import io.hybridllm.contracts.json.InvalidMessageException;
import io.hybridllm.contracts.json.Json;
import io.hybridllm.cost.usage.UsageLedger;
import io.hybridllm.runtime.Stopping;
import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;

/**
 * Records every usage event from {@code llm.usage}, a poll at a time in one transaction (one per event was the larger
 * part of this service's CPU under load). The poll is acknowledged only after its rows are in the database, so its
 * offsets are committed only then; a redelivery after a crash is absorbed by the event ids.
 */
@ApplicationScoped
public class UsageConsumer {

    private final UsageLedger ledger;

    public UsageConsumer(UsageLedger ledger) {
        this.ledger = ledger;
    }

    /**
     * A record nacked here goes to {@code llm.usage.dlq} ({@code failure-strategy=dead-letter-queue}) with the reason
     * as {@code dead-letter-reason}, alone: the rest of the poll goes on. That is immediate for an unreadable event
     * (the reason names the field). When the database refuses the poll even after the ledger's retries, each event is
     * tried alone, once, and only those still refused are dead-lettered.
     */
    @Incoming(Channels.USAGE)
    @Blocking
    public CompletionStage<Void> consume(KafkaRecordBatch<String, String> batch) {
        List<KafkaRecord<String, String>> read = new ArrayList<>();
        List<UsageEvent> events = new ArrayList<>();
        List<CompletableFuture<Void>> deadLettered = new ArrayList<>();
        for (KafkaRecord<String, String> record : batch) {
            try {
                events.add(Json.read(record.getPayload(), UsageEvent.class));
                read.add(record);
            } catch (InvalidMessageException e) {
                deadLettered.add(record.nack(e).toCompletableFuture());
            }
        }
        try {
            ledger.record(events);
        } catch (RuntimeException e) {
            for (int i = 0; i < events.size(); i++) {
                RuntimeException refused = events.size() == 1 || e instanceof Stopping.ServiceStopping ? e
                        : recordAlone(events.get(i));
                if (refused != null) {
                    deadLettered.add(read.get(i).nack(refused).toCompletableFuture());
                }
            }
        }
        return CompletableFuture.allOf(deadLettered.toArray(CompletableFuture[]::new)).thenCompose(done -> batch.ack());
    }

    /** Why the database refused {@code event} on its own; null when it took it. */
    private RuntimeException recordAlone(UsageEvent event) {
        try {
            ledger.recordAlone(event);
            return null;
        } catch (RuntimeException e) {
            return e;
        }
    }
}
