package io.hybridllm.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.junit.jupiter.api.Test;

import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.IncomingKafkaRecord;
import io.smallrye.reactive.messaging.kafka.fault.KafkaFailureHandler;

class WhileRunningTest {

    /** The strategy a channel names for the time the service runs: here it only counts what it was given. */
    private final List<Long> handledWhileRunning = new ArrayList<>();
    private final KafkaFailureHandler whileRunning = new KafkaFailureHandler() {
        @Override
        public <K, V> Uni<Void> handle(IncomingKafkaRecord<K, V> record, Throwable reason, Metadata metadata) {
            handledWhileRunning.add(record.getOffset());
            return Uni.createFrom().voidItem();
        }
    };
    private final List<Boolean> reported = new ArrayList<>();
    private final BiConsumer<Throwable, Boolean> reportFailure = (failure, fatal) -> reported.add(fatal);
    private final Stopping stopping = new Stopping();
    private final KafkaFailureHandler guarded = WhileRunning.guard(whileRunning, stopping, "usage", reportFailure);

    @Test
    void whileTheServiceRunsAFailureGoesWhereTheChannelSays() {
        guarded.handle(record(7), new IllegalArgumentException("unreadable"), Metadata.empty()).await().indefinitely();

        assertThat(handledWhileRunning).containsExactly(7L);
        assertThat(reported).isEmpty();
    }

    @Test
    void onceItStopsAFailedRecordIsLeftUncommittedAndTheChannelStopsOnce() {
        stopping.onStop(new ShutdownEvent());
        IllegalStateException closed = new IllegalStateException("EntityManagerFactory is closed");

        for (long offset : new long[] { 8, 9 }) {
            assertThatThrownBy(() -> guarded.handle(record(offset), closed, Metadata.empty()).await().indefinitely())
                    .isSameAs(closed);
        }
        // Neither dead-lettered nor skipped: the strategy for a running service never saw them, so their offsets are
        // not committed, and the channel was stopped (fatally, as SmallRye's fail strategy does) the first time only.
        assertThat(handledWhileRunning).isEmpty();
        assertThat(reported).containsExactly(true);
    }

    private static IncomingKafkaRecord<String, String> record(long offset) {
        return new IncomingKafkaRecord<>(new ConsumerRecord<>("llm.usage", 3, offset, "tenant", "{}"), "usage", -1,
                null, null, false, false);
    }
}
