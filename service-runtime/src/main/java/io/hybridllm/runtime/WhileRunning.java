package io.hybridllm.runtime;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiConsumer;

import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.jboss.logging.Logger;

import io.smallrye.common.annotation.Identifier;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.IncomingKafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaConnectorIncomingConfiguration;
import io.smallrye.reactive.messaging.kafka.KafkaConsumer;
import io.smallrye.reactive.messaging.kafka.fault.KafkaFailureHandler;
import io.vertx.mutiny.core.Vertx;

/**
 * Failure strategies for Kafka channels that act as SmallRye's {@code dead-letter-queue} and {@code ignore} while the
 * service runs, and leave a record uncommitted once it stops ({@link Stopping}). A record that fails then has met a
 * closed database or producer, not a defect of its own: dead-lettered it would be an accepted reply, usage event or
 * status taken out of the flow, and skipped it would be lost. Instead the channel stops as SmallRye's {@code fail}
 * does, its offset is not committed, and the partition's next owner reads it again (every consumer here is idempotent).
 * A channel names one with {@code failure-strategy=dead-letter-queue-while-running} (the topic as for
 * {@code dead-letter-queue}) or {@code failure-strategy=ignore-while-running}.
 */
public final class WhileRunning {

    public static final String DEAD_LETTER_QUEUE = "dead-letter-queue-while-running";
    public static final String IGNORE = "ignore-while-running";

    private static final Logger LOG = Logger.getLogger(WhileRunning.class);

    private WhileRunning() {
    }

    @Singleton
    @Identifier(DEAD_LETTER_QUEUE)
    public static class DeadLetterQueue extends Guarded {

        DeadLetterQueue(@Any Instance<KafkaFailureHandler.Factory> strategies, Stopping stopping) {
            super(strategies, KafkaFailureHandler.Strategy.DEAD_LETTER_QUEUE, stopping);
        }
    }

    @Singleton
    @Identifier(IGNORE)
    public static class Ignore extends Guarded {

        Ignore(@Any Instance<KafkaFailureHandler.Factory> strategies, Stopping stopping) {
            super(strategies, KafkaFailureHandler.Strategy.IGNORE, stopping);
        }
    }

    abstract static class Guarded implements KafkaFailureHandler.Factory {

        private final KafkaFailureHandler.Factory running;
        private final Stopping stopping;

        Guarded(Instance<KafkaFailureHandler.Factory> strategies, String whileRunning, Stopping stopping) {
            this.running = strategies.select(Identifier.Literal.of(whileRunning)).get();
            this.stopping = stopping;
        }

        @Override
        public KafkaFailureHandler create(KafkaConnectorIncomingConfiguration config, Vertx vertx,
                KafkaConsumer<?, ?> consumer, BiConsumer<Throwable, Boolean> reportFailure) {
            return guard(running.create(config, vertx, consumer, reportFailure), stopping, config.getChannel(),
                    reportFailure);
        }
    }

    /** {@code whileRunning} until the service stops; then the record is left for redelivery and the channel stops. */
    static KafkaFailureHandler guard(KafkaFailureHandler whileRunning, Stopping stopping, String channel,
            BiConsumer<Throwable, Boolean> reportFailure) {
        AtomicBoolean stopped = new AtomicBoolean();
        return new KafkaFailureHandler() {
            @Override
            public <K, V> Uni<Void> handle(IncomingKafkaRecord<K, V> record, Throwable reason, Metadata metadata) {
                if (!stopping.now()) {
                    return whileRunning.handle(record, reason, metadata);
                }
                // The channel is stopped once; the rest of a poll that fails with it is only left, a line each.
                boolean first = stopped.compareAndSet(false, true);
                LOG.logf(first ? Logger.Level.INFO : Logger.Level.DEBUG,
                        "%s: %s-%d@%d failed while the service stops (%s); left uncommitted for redelivery", channel,
                        record.getTopic(), record.getPartition(), record.getOffset(), reason);
                if (first) {
                    reportFailure.accept(reason, true);
                }
                return Uni.createFrom().failure(reason);
            }

            @Override
            public void terminate() {
                whileRunning.terminate();
            }
        };
    }
}
