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
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import io.hybridllm.testkit.kafka.EmbeddedKafka;
import io.hybridllm.testkit.postgres.EmbeddedPostgresServer;

/** The fault suite restarts the broker and the database in place: both come back on their port with their data. */
class RestartTest {

    @Test
    void theBrokerComesBackWithItsRecords() throws Exception {
        try (EmbeddedKafka kafka = EmbeddedKafka.start()) {
            Properties props = new Properties();
            props.put("bootstrap.servers", kafka.bootstrapServers());
            props.put("acks", "all");
            try (var producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
                producer.send(new ProducerRecord<>("restart-test", "k", "before")).get();
            }

            kafka.restart();

            try (var consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
                TopicPartition partition = new TopicPartition("restart-test", 0);
                consumer.assign(List.of(partition));
                consumer.seekToBeginning(List.of(partition));
                ConsumerRecords<String, String> records = ConsumerRecords.empty();
                for (int i = 0; i < 120 && records.isEmpty(); i++) {
                    records = consumer.poll(Duration.ofMillis(500));
                }
                assertThat(records.iterator().next().value()).isEqualTo("before");
            }
        }
    }

    @Test
    void theDatabaseComesBackWithItsData() throws Exception {
        try (EmbeddedPostgresServer postgres = EmbeddedPostgresServer.start()) {
            postgres.createDatabase("kept");

            postgres.restart();

            try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl("kept"), postgres.username(),
                    postgres.password());
                    ResultSet one = connection.createStatement().executeQuery("select 1")) {
                assertThat(one.next()).isTrue();
            }
        }
    }
}
