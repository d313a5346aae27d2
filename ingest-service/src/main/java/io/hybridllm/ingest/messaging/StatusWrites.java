package io.hybridllm.ingest.messaging;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.hybridllm.contracts.json.InvalidMessageException;
import io.hybridllm.contracts.json.Json;
import io.hybridllm.runtime.Stopping;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Writes a poll's worth of status records in one transaction. One transaction per record was most of ingest's CPU under
 * load (docs/benchmarks.md). Every write is an idempotent, order-proof upsert, so a retried or redelivered batch leaves
 * the rows as one delivery of each record would.
 */
@ApplicationScoped
public class StatusWrites {

    private static final Logger LOG = Logger.getLogger(StatusWrites.class);

    private final RetriedTransaction transaction;
    private final Stopping stopping;

    public StatusWrites(RetriedTransaction transaction, Stopping stopping) {
        this.transaction = transaction;
        this.stopping = stopping;
    }

    /** An item that could not be written, and why. */
    public record Unwritten<T>(T item, RuntimeException reason) {
    }

    /**
     * Writes every item in one transaction, retried for up to a minute. If that still fails, each item is written alone
     * and tried once, so that one item the database refuses does not hold up the others. Returns the items that could
     * not be written, each with its reason (and logged); empty when all were. Once the service stops, a failure is
     * thrown instead ({@link Stopping.ServiceStopping}), so that the poll is neither acknowledged nor dead-lettered.
     */
    public <T> List<Unwritten<T>> writeAll(List<T> items, Consumer<List<T>> write) {
        if (items.isEmpty()) {
            return List.of();
        }
        List<Unwritten<T>> unwritten = new ArrayList<>();
        try {
            transaction.run(() -> write.accept(items));
        } catch (RuntimeException e) {
            if (stopping.now()) {
                // The database is being closed under this instance: the whole poll is the next instance's to write.
                throw new Stopping.ServiceStopping(e);
            }
            if (items.size() == 1) {
                unwritten.add(new Unwritten<>(items.getFirst(), e));
            } else {
                LOG.warnf("a batch of %d status records was refused (%s); writing each alone", items.size(), e);
                for (T item : items) {
                    try {
                        QuarkusTransaction.requiringNew().run(() -> write.accept(List.of(item)));
                    } catch (RuntimeException alone) {
                        unwritten.add(new Unwritten<>(item, alone));
                    }
                }
            }
        }
        unwritten.forEach(failed -> LOG.errorf("status record not written: %s", failed.reason().toString()));
        return unwritten;
    }

    /** The payloads that parse as {@code type}; each one that does not is handed to {@code unreadable}. */
    static <T> List<T> readable(List<String> payloads, Class<T> type, Consumer<InvalidMessageException> unreadable) {
        List<T> read = new ArrayList<>(payloads.size());
        for (String payload : payloads) {
            try {
                read.add(Json.read(payload, type));
            } catch (InvalidMessageException e) {
                unreadable.accept(e);
            }
        }
        return read;
    }
}
