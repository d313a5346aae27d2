package io.hybridllm.ingest.messaging;

import java.util.List;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.Record;

/** Sends many records and waits until the broker acknowledged each, a window at a time within the emitter's buffer. */
final class AckedSends {

    private static final int WINDOW = 100;

    static void sendAll(MutinyEmitter<Record<String, String>> emitter, List<Record<String, String>> records) {
        for (int from = 0; from < records.size(); from += WINDOW) {
            List<Uni<Void>> sends = records.subList(from, Math.min(records.size(), from + WINDOW)).stream()
                    .map(emitter::send).toList();
            Uni.join().all(sends).andFailFast().await().indefinitely();
        }
    }

    private AckedSends() {
    }
}
