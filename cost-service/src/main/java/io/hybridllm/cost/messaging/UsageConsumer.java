package io.hybridllm.cost.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.hybridllm.contracts.Channels;
import io.hybridllm.contracts.UsageEvent;
import io.hybridllm.contracts.json.Json;
import io.hybridllm.cost.usage.UsageLedger;
import io.smallrye.reactive.messaging.annotations.Blocking;

/**
 * Records every usage event from {@code llm.usage}. The record is acknowledged when this method returns, so its offset
 * is committed only after its row is in the database; a redelivery after a crash is absorbed by the event id.
 */
@ApplicationScoped
public class UsageConsumer {

    private final UsageLedger ledger;

    public UsageConsumer(UsageLedger ledger) {
        this.ledger = ledger;
    }

    /**
     * A thrown exception nacks the record, and {@code failure-strategy=dead-letter-queue} moves it to
     * {@code llm.usage.dlq} with the exception's message as {@code dead-letter-reason}; the stream goes on either way.
     * That is immediate for an unreadable event (an {@code InvalidMessageException} naming the field) and happens only
     * after the ledger's retries for a database that stays down.
     */
    @Incoming(Channels.USAGE)
    @Blocking
    public void consume(String payload) {
        ledger.record(Json.read(payload, UsageEvent.class));
    }
}
