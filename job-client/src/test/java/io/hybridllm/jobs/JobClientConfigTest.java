package io.hybridllm.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.hybridllm.contracts.Topics;

class JobClientConfigTest {

    @Test
    void defaultsAreTheTenantsOwnTopics() {
        JobClientConfig config = JobClientConfig.builder("localhost:9092", "acme", "nightly-42").build();

        assertThat(config.requestTopic()).isEqualTo("requests.acme");
        assertThat(config.replyTopic()).isEqualTo("replies.acme.nightly-42");
        assertThat(config.maxInFlight()).isEqualTo(256);
        assertThat(JobClientConfig.builder("h:1", "acme", "j").toSharedRequestTopic().build().requestTopic())
                .isEqualTo(Topics.REQUESTS);
    }

    @Test
    void aKafkaKeyTheClientSetsItselfIsRefusedNotOverridden() {
        assertThatThrownBy(() -> JobClientConfig.builder("h:1", "acme", "j").kafka(Map.of("acks", "0")).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("kafka.acks is refused");
    }

    @Test
    void anotherTenantsReplyTopicOrASystemTopicIsRefused() {
        assertThatThrownBy(() -> new JobClientConfig(Map.of("bootstrap.servers", "h:1"), "acme", "j", "requests.acme",
                "replies.", "replies.globex.x", 1, JobClientConfig.WhenFull.BLOCK, Duration.ofMinutes(1),
                Duration.ofSeconds(1))).isInstanceOf(IllegalArgumentException.class)
                        .hasMessageContaining("not a reply topic of tenant acme");
        assertThatThrownBy(
                () -> JobClientConfig.builder("h:1", "acme", "j").kafka(Map.of()).build().kafka().put("x", "y"))
                        .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> JobClientConfig.builder("h:1", "acme", "j").replyTopic("llm.", "x").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("llm.");
    }

    @Test
    void boundsAreChecked() {
        assertThatThrownBy(() -> JobClientConfig.builder("h:1", "acme", "j")
                .maxInFlight(0, JobClientConfig.WhenFull.BLOCK).build()).hasMessageContaining("maxInFlight=0");
        assertThatThrownBy(() -> JobClientConfig.builder("h:1", "acme", "j").timeout(Duration.ZERO).build())
                .hasMessageContaining("timeout");
    }
}
