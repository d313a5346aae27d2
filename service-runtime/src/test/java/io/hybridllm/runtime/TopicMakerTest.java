package io.hybridllm.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.hybridllm.contracts.Topics;
import io.hybridllm.testkit.Infrastructure;
import io.hybridllm.testkit.kafka.TopicAdmin;

/** On the embedded broker (which would also make topics on first use, with one partition and no set retention). */
class TopicMakerTest {

    private static final String SERVERS = Infrastructure.kafka().bootstrapServers();
    private static final Topics.TopicSpec LAYOUT = new Topics.TopicSpec("layout", 3, Duration.ofHours(5), false);

    @Test
    void aTopicIsMadeWithItsLayoutAndAnExistingOneIsLeftAsItIs() {
        String fresh = "maker-" + UUID.randomUUID();
        String existing = "maker-old-" + UUID.randomUUID();
        TopicAdmin.createAll(SERVERS, List.of(new Topics.TopicSpec(existing, 1, Duration.ofDays(1), false)));

        try (TopicMaker maker = new TopicMaker(Map.of("bootstrap.servers", SERVERS))) {
            maker.ensure(fresh, LAYOUT).toCompletableFuture().join();
            maker.ensure(existing, LAYOUT).toCompletableFuture().join();
            assertThat(maker.ensure(fresh, LAYOUT).toCompletableFuture()).as("known now: no call to the broker")
                    .isCompleted();
        }

        assertThat(TopicAdmin.layout(SERVERS, fresh))
                .isEqualTo(new Topics.TopicSpec(fresh, 3, Duration.ofHours(5), false));
        assertThat(TopicAdmin.layout(SERVERS, existing).partitions()).isEqualTo(1);
    }

    @Test
    void aTopicThatCannotBeMadeDoesNotFailTheWriterAndIsAskedForAgain() {
        String invalid = "maker-" + UUID.randomUUID() + "/not-a-topic-name";
        try (TopicMaker maker = new TopicMaker(Map.of("bootstrap.servers", SERVERS))) {
            maker.ensure(invalid, LAYOUT).toCompletableFuture().join();
            var again = maker.ensure(invalid, LAYOUT).toCompletableFuture();
            again.join();
            assertThat(again).isCompletedWithValue(null);
        }
    }
}
