package io.hybridllm.testkit.kafka;

/** A running Kafka broker that tests and the launcher can reach. */
public interface KafkaBroker extends AutoCloseable {

    String bootstrapServers();

    @Override
    void close();
}
