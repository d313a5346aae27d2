package io.hybridllm.ingest.messaging;

import java.util.List;

import jakarta.transaction.SystemException;
import jakarta.transaction.Transaction;
import jakarta.transaction.TransactionManager;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.Record;

/**
 * Sends many records and waits until the broker acknowledged each, a window at a time within the emitter's buffer. The
 * caller's transaction is suspended meanwhile: the acknowledgements complete on Kafka's threads, and context
 * propagation would carry the transaction there and end its association with this thread's connection.
 */
final class AckedSends {

    private static final int WINDOW = 100;

    static void sendAll(MutinyEmitter<Record<String, String>> emitter, List<Record<String, String>> records,
            TransactionManager transactions) {
        Transaction suspended = suspend(transactions);
        try {
            for (int from = 0; from < records.size(); from += WINDOW) {
                List<Uni<Void>> sends = records.subList(from, Math.min(records.size(), from + WINDOW)).stream()
                        .map(emitter::send).toList();
                Uni.join().all(sends).andFailFast().await().indefinitely();
            }
        } finally {
            resume(transactions, suspended);
        }
    }

    private static Transaction suspend(TransactionManager transactions) {
        try {
            return transactions.suspend();
        } catch (SystemException e) {
            throw new IllegalStateException("cannot suspend the transaction", e);
        }
    }

    private static void resume(TransactionManager transactions, Transaction suspended) {
        if (suspended == null) {
            return;
        }
        try {
            transactions.resume(suspended);
        } catch (Exception e) {
            throw new IllegalStateException("cannot resume the transaction", e);
        }
    }

    private AckedSends() {
    }
}
