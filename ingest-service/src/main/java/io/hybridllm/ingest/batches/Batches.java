package io.hybridllm.ingest.batches;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.NotFoundException;

import io.hybridllm.ingest.requests.Cancelling;
import io.hybridllm.ingest.tenants.Caller;
import io.quarkus.narayana.jta.QuarkusTransaction;

/** A batch as its caller may see it (another tenant's is missing), its results page by page, and cancelling it. */
@ApplicationScoped
public class Batches {

    private static final int PAGE = 500;
    private static final Instant FAR_FUTURE = Instant.parse("9999-01-01T00:00:00Z");

    private final BatchProgress progress;
    private final Cancelling cancelling;

    public Batches(BatchProgress progress, Cancelling cancelling) {
        this.progress = progress;
        this.cancelling = cancelling;
    }

    public BatchRecord find(String id, Caller caller) {
        return QuarkusTransaction.joiningExisting()
                .call(() -> BatchRecord.<BatchRecord> findByIdOptional(id).filter(batch -> caller.canSee(batch.tenant)))
                .orElseThrow(() -> new NotFoundException("no batch with id " + id));
    }

    public Instant lastCompleted(String id) {
        return QuarkusTransaction.joiningExisting().call(() -> progress.lastCompleted(id));
    }

    /** The caller's batches from {@code source}, newest first, after the one with id {@code after} if given. */
    public List<BatchRecord> list(Caller caller, String source, String after, int limit) {
        return QuarkusTransaction.joiningExisting().call(() -> {
            Instant before = Optional.ofNullable(after).flatMap(BatchRecord::<BatchRecord> findByIdOptional)
                    .map(batch -> batch.createdAt).orElse(FAR_FUTURE);
            return BatchRecord
                    .<BatchRecord> find("source = ?1 and createdAt < ?2 order by createdAt desc", source, before)
                    .stream().filter(batch -> caller.canSee(batch.tenant)).limit(limit).toList();
        });
    }

    public BatchProgress.Tally tally(String id) {
        return QuarkusTransaction.joiningExisting().call(() -> progress.tally(id));
    }

    /** Writes one line per item that {@code line} turns into one (null skips it), in input order. */
    public void writeLines(String id, OutputStream out, Function<BatchProgress.Item, String> line) throws IOException {
        int after = 0;
        while (true) {
            int from = after;
            List<BatchProgress.Item> page = QuarkusTransaction.requiringNew()
                    .call(() -> progress.items(id, from, PAGE));
            for (BatchProgress.Item item : page) {
                String text = line.apply(item);
                if (text != null) {
                    out.write((text + "\n").getBytes(StandardCharsets.UTF_8));
                }
            }
            if (page.size() < PAGE) {
                return;
            }
            after = page.getLast().line();
        }
    }

    public List<BatchProgress.Item> malformed(String id) {
        return QuarkusTransaction.joiningExisting().call(() -> progress.malformed(id));
    }

    /** Cancels every request of the batch that has not ended; returns how many. */
    public int cancel(String id) {
        QuarkusTransaction.requiringNew().run(() -> {
            BatchRecord batch = BatchRecord.findById(id);
            if (batch.cancelledAt == null) {
                batch.cancelledAt = Instant.now();
            }
        });
        return cancelling.cancelAll(QuarkusTransaction.requiringNew().call(() -> progress.openRequests(id)));
    }
}
