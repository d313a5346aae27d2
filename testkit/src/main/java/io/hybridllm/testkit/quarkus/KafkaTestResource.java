package io.hybridllm.testkit.quarkus;

import java.util.Map;

import io.hybridllm.testkit.Infrastructure;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/** Points the application under test at the JVM's Kafka broker, with every topic of the system created. */
public class KafkaTestResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        return Map.of("kafka.bootstrap.servers", Infrastructure.kafka().bootstrapServers());
    }

    @Override
    public void stop() {
        // The broker outlives this application: other test classes of the JVM use it too.
    }
}
