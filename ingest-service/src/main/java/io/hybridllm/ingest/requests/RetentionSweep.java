package io.hybridllm.ingest.requests;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.jboss.logging.Logger;

import io.hybridllm.ingest.config.IngestConfig;
import io.hybridllm.ingest.messaging.CancellationPublisher;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * Keeps what only matters for a while from growing forever: idempotency keys past their retention are deleted, and the
 * cancellation of a request that ended long enough ago gets a tombstone on the compacted {@code llm.cancellations}, so
 * compaction drops it. Replicas may sweep at once: deletes are idempotent, and a request's tombstone is claimed with a
 * row lock.
 */
@ApplicationScoped
public class RetentionSweep {

    private static final Logger LOG = Logger.getLogger(RetentionSweep.class);
    private static final int CHUNK = 1000;

    private final EntityManager entityManager;
    private final CancellationPublisher publisher;
    private final IngestConfig.Cleanup config;
    private final MeterRegistry metrics;

    public RetentionSweep(EntityManager entityManager, CancellationPublisher publisher, IngestConfig config,
            MeterRegistry metrics) {
        this.entityManager = entityManager;
        this.publisher = publisher;
        this.config = config.cleanup();
        this.metrics = metrics;
    }

    @Scheduled(every = "${hybrid.ingest.cleanup.every:10m}", delayed = "${hybrid.ingest.cleanup.every:10m}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void sweep() {
        int keys = inChunks(this::deleteOldKeys);
        int cleared = inChunks(this::clearOldCancellations);
        if (keys + cleared > 0) {
            LOG.infof("retention: %d idempotency keys deleted, %d cancellations tombstoned", keys, cleared);
            metrics.counter("hybrid.ingest.cleanup", "what", "idempotency-keys").increment(keys);
            metrics.counter("hybrid.ingest.cleanup", "what", "cancellations").increment(cleared);
        }
    }

    /** Runs {@code chunk}, a transaction each time, until it does less than a full chunk; returns the total. */
    private static int inChunks(Callable<Integer> chunk) {
        int total = 0;
        int done;
        do {
            done = QuarkusTransaction.requiringNew().call(chunk);
            total += done;
        } while (done == CHUNK);
        return total;
    }

    private int deleteOldKeys() {
        return entityManager.createNativeQuery("""
                delete from idempotency_key where (tenant, key) in (select tenant, key from idempotency_key
                    where created_at < ?1 limit ?2 for update skip locked)
                """).setParameter(1, ago(config.idempotencyKeys())).setParameter(2, CHUNK).executeUpdate();
    }

    /** Tombstones first, then marks them sent: a crash in between only sends a tombstone again, which is harmless. */
    @SuppressWarnings("unchecked")
    private int clearOldCancellations() {
        List<String> ids = entityManager.createNativeQuery("""
                select id from llm_request where status = 'CANCELLED' and cancellation_cleared_at is null
                    and (completed_at < ?1 or cast(reply ->> 'completed_at' as timestamptz) < ?2)
                limit ?3 for update skip locked
                """).setParameter(1, ago(config.cancellationsUnanswered()))
                .setParameter(2, ago(config.cancellationsAfterReply())).setParameter(3, CHUNK).getResultList();
        if (ids.isEmpty()) {
            return 0;
        }
        publisher.sendTombstonesAndAwait(ids);
        entityManager.createNativeQuery("update llm_request set cancellation_cleared_at = now() where id in (?1)")
                .setParameter(1, ids).executeUpdate();
        return ids.size();
    }

    private static Timestamp ago(Duration age) {
        return Timestamp.from(Instant.now().minus(age));
    }
}
