package io.hybridllm.cost.outbox;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.persistence.EntityManager;

import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;

import io.hybridllm.contracts.Channels;
import io.hybridllm.contracts.Topics;
import io.hybridllm.runtime.TopicMaker;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.Record;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;

/**
 * Publishes the outbox, oldest first, one row per transaction: send, wait for Kafka's acknowledgement
 * ({@code acks=all}, idempotent producer), mark the row sent, commit. A crash after the send and before the commit
 * sends that row again, with the same id, which consumers skip (see docs/costs.md). One replica publishes at a time (a
 * PostgreSQL advisory lock), so messages for a scope leave in the order they were decided, which is what the compacted
 * control topic keeps.
 */
@ApplicationScoped
public class OutboxPublisher {

    // "outbox" in ASCII: the advisory lock only publishers of this database take.
    private static final long PUBLISHER_LOCK = 0x6f7574626f78L;

    private final MutinyEmitter<Record<String, String>> alerts;
    private final MutinyEmitter<Record<String, String>> control;
    private final MutinyEmitter<Record<String, String>> audit;
    private final EntityManager entityManager;
    private final TopicMaker topics;
    private final OutboxConfig config;
    private final ReentrantLock draining = new ReentrantLock();
    private final AtomicBoolean pending = new AtomicBoolean();
    private final ExecutorService wakeups = Executors
            .newSingleThreadExecutor(task -> Thread.ofPlatform().name("outbox-publisher").daemon().unstarted(task));

    public OutboxPublisher(@Channel(Channels.ALERTS) MutinyEmitter<Record<String, String>> alerts,
            @Channel(Channels.CONTROL_UPDATES) MutinyEmitter<Record<String, String>> control,
            @Channel(Channels.AUDIT) MutinyEmitter<Record<String, String>> audit, EntityManager entityManager,
            TopicMaker topics, OutboxConfig config) {
        this.topics = topics;
        this.alerts = alerts;
        this.control = control;
        this.audit = audit;
        this.entityManager = entityManager;
        this.config = config;
    }

    void onAppended(@Observes(during = TransactionPhase.AFTER_SUCCESS) Outbox.Appended appended) {
        pending.set(true);
        wakeups.execute(this::drain);
    }

    @Scheduled(every = "${hybrid.outbox.poll-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void poll() {
        drain();
    }

    /** Publishes every unsent row; how many it sent. A failure stops the round: the rows wait for the next one. */
    public int drain() {
        if (!config.publish() || !draining.tryLock()) {
            return 0;
        }
        int sent = 0;
        try {
            do {
                pending.set(false);
                while (publishNext()) {
                    sent++;
                }
            } while (pending.get());
        } catch (RuntimeException e) {
            Log.warnf("Outbox not published yet (%s); trying again in %s", e.toString(), config.pollEvery());
        } finally {
            draining.unlock();
        }
        return sent;
    }

    private boolean publishNext() {
        return QuarkusTransaction.requiringNew().call(() -> {
            boolean publisher = (Boolean) entityManager.createNativeQuery("select pg_try_advisory_xact_lock(:lock)")
                    .setParameter("lock", PUBLISHER_LOCK).getSingleResult();
            if (!publisher) {
                return false;
            }
            List<OutboxRow> next = entityManager
                    .createQuery("from OutboxRow where sentAt is null order by seq", OutboxRow.class).setMaxResults(1)
                    .getResultList();
            if (next.isEmpty()) {
                return false;
            }
            OutboxRow row = next.getFirst();
            send(row).await().atMost(config.sendTimeout());
            row.sentAt = Instant.now();
            return true;
        });
    }

    private Uni<Void> send(OutboxRow row) {
        Record<String, String> record = Record.of(row.messageKey, row.payload);
        return switch (row.topic) {
            case Topics.ALERTS -> alerts.send(record);
            case Topics.CONTROL_MODES -> control.send(record);
            case Topics.AUDIT -> audit.send(record);
            case Topics.EVERYONE_ALERTS -> copy(record, row.topic);
            default -> {
                if (!row.topic.startsWith(Topics.TENANT_ALERTS_PREFIX)) {
                    throw new IllegalStateException("outbox row for unknown topic " + row.topic);
                }
                // A tenant's topic is made with its first alert.
                topics.ensure(row.topic, Topics.TENANT_ALERTS_SPEC).toCompletableFuture().join();
                yield copy(record, row.topic);
            }
        };
    }

    /** An alert's copy for its readers: the alerts channel, to the copy's topic. */
    private Uni<Void> copy(Record<String, String> record, String topic) {
        return alerts.sendMessage(Message.of(record)
                .addMetadata(OutgoingKafkaRecordMetadata.<String> builder().withTopic(topic).build()));
    }

    @PreDestroy
    void stop() {
        wakeups.shutdownNow();
    }
}
