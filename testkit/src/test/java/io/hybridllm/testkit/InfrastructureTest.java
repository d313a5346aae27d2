package io.hybridllm.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Properties;

import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import io.hybridllm.contracts.Topics;
import io.hybridllm.testkit.postgres.PostgresServer;

class InfrastructureTest {

    @Test
    void kafkaHasEveryTopicAndCarriesRecords() throws Exception {
        String bootstrap = Infrastructure.kafka().bootstrapServers();
        Properties producerProps = new Properties();
        producerProps.put("bootstrap.servers", bootstrap);
        producerProps.put("acks", "all");
        try (var producer = new KafkaProducer<>(producerProps, new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(Topics.REPLIES, "r-1", "{}")).get();
        }
        Properties consumerProps = new Properties();
        consumerProps.put("bootstrap.servers", bootstrap);
        consumerProps.put("group.id", "infrastructure-test");
        consumerProps.put("auto.offset.reset", "earliest");
        try (var consumer = new KafkaConsumer<>(consumerProps, new StringDeserializer(), new StringDeserializer())) {
            assertThat(consumer.listTopics().keySet())
                    .containsAll(Topics.ALL.stream().map(Topics.TopicSpec::name).toList());
            assertThat(consumer.partitionsFor(Topics.TIER_CLOUD)).hasSize(Topics.TIER_PARTITIONS);
            consumer.subscribe(List.of(Topics.REPLIES));
            ConsumerRecords<String, String> records = ConsumerRecords.empty();
            for (int i = 0; i < 120 && records.isEmpty(); i++) {
                records = consumer.poll(Duration.ofMillis(500));
            }
            assertThat(records.iterator().next().key()).isEqualTo("r-1");
        }
    }

    @Test
    void postgresCreatesDatabasesOnce() throws Exception {
        PostgresServer postgres = Infrastructure.postgres();
        postgres.createDatabase("sample");
        postgres.createDatabase("sample");
        try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl("sample"), postgres.username(),
                postgres.password());
                ResultSet version = connection.createStatement().executeQuery("show server_version")) {
            version.next();
            assertThat(version.getString(1)).startsWith("17.");
        }
    }

    @Test
    void knowsOnlyTheTwoModes() {
        System.setProperty(Infrastructure.MODE_PROPERTY, "docker-please");
        try {
            Infrastructure.closeAll();
            org.assertj.core.api.Assertions.assertThatThrownBy(Infrastructure::kafka)
                    .hasMessageContaining("embedded (default) or testcontainers");
        } finally {
            System.clearProperty(Infrastructure.MODE_PROPERTY);
        }
    }

}
