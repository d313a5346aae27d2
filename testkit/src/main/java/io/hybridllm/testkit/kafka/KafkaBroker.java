package io.hybridllm.testkit.kafka;

import java.util.Map;

/** A running Kafka broker that tests and the launcher can reach. */
public interface KafkaBroker extends AutoCloseable {

    String bootstrapServers();

    /**
     * What a client needs to connect as the broker's administrator: the address and, on a broker that authenticates,
     * the security settings and credentials (see {@link EmbeddedKafka#startSecured}).
     */
    default Map<String, Object> adminClientConfig() {
        return Map.of("bootstrap.servers", bootstrapServers());
    }

    @Override
    void close();
}
