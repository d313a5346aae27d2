package io.hybridllm.launcher.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import io.hybridllm.contracts.Topics;
import io.strimzi.api.kafka.model.topic.KafkaTopic;

/** The Strimzi KafkaTopics are io.hybridllm.contracts.Topics.ALL: no more, no fewer, same layout. */
class TopicsManifestTest {

    private final Map<String, KafkaTopic> topics = Manifests.in("deploy/kubernetes/base").of(KafkaTopic.class).stream()
            .collect(Collectors.toMap(topic -> topic.getMetadata().getName(), topic -> topic));

    @Test
    void everyTopicOfTheContractsAndNoOther() {
        assertThat(topics.keySet())
                .containsExactlyInAnyOrderElementsOf(Topics.ALL.stream().map(Topics.TopicSpec::name).toList());
    }

    @Test
    void partitionsAndRetentionAreTheContracts() {
        for (Topics.TopicSpec spec : Topics.ALL) {
            KafkaTopic topic = topics.get(spec.name());
            assertThat(topic.getSpec().getPartitions()).as(spec.name()).isEqualTo(spec.partitions());
            assertThat(topic.getMetadata().getLabels()).containsEntry("strimzi.io/cluster", "hybrid-kafka");
            Map<String, Object> config = topic.getSpec().getConfig();
            if (spec.compacted()) {
                assertThat(config).as(spec.name()).containsEntry("cleanup.policy", "compact");
            } else {
                assertThat(((Number) config.get("retention.ms")).longValue()).as(spec.name())
                        .isEqualTo(spec.retention().toMillis());
            }
        }
    }

    @Test
    void replicationSurvivesTheLossOfABroker() {
        for (KafkaTopic topic : topics.values()) {
            assertThat(topic.getSpec().getReplicas()).isEqualTo(3);
            assertThat(topic.getSpec().getConfig()).containsEntry("min.insync.replicas", 2);
        }
    }
}
