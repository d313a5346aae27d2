package io.hybridllm.testkit.kafka;

import org.testcontainers.kafka.KafkaContainer;

/** A Kafka broker in a container, for machines with a Docker engine ({@code -Dhybrid.infra=testcontainers}). */
public final class ContainerKafka implements KafkaBroker {

    private static final String IMAGE = "apache/kafka:4.1.1";

    private final KafkaContainer container;

    private ContainerKafka(KafkaContainer container) {
        this.container = container;
    }

    public static ContainerKafka start() {
        KafkaContainer container = new KafkaContainer(IMAGE).withEnv("KAFKA_AUTO_CREATE_TOPICS_ENABLE", "true");
        container.start();
        return new ContainerKafka(container);
    }

    @Override
    public String bootstrapServers() {
        return container.getBootstrapServers();
    }

    @Override
    public void close() {
        container.stop();
    }
}
