package io.hybridllm.launcher.system;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

/**
 * The Kafka client settings of the commands that talk to a running system ({@code submit}, {@code dlq}): by default the
 * broker of {@code ./hybrid up} as its administrator (the properties it writes to its state directory), else
 * {@code --kafka-config=FILE} and {@code --bootstrap-servers=HOSTS}.
 */
public final class KafkaSettings {

    private KafkaSettings() {
    }

    public static Map<String, Object> of(Path state, String kafkaConfig, String bootstrapServers) {
        Map<String, Object> kafka = new HashMap<>();
        Path file = kafkaConfig != null ? Path.of(kafkaConfig) : state.resolve(KafkaPrincipals.ADMIN_PROPERTIES);
        if (kafkaConfig != null || Files.isRegularFile(file)) {
            kafka.putAll(read(file));
        }
        if (bootstrapServers != null) {
            kafka.put("bootstrap.servers", bootstrapServers);
        }
        kafka.putIfAbsent("bootstrap.servers", "localhost:9092");
        return kafka;
    }

    /** Client properties from a file, as {@code kafka-console-producer --producer.config} takes them. */
    public static Map<String, Object> read(Path file) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read Kafka settings from " + file + ": " + e.getMessage(), e);
        }
        Map<String, Object> kafka = new HashMap<>();
        properties.forEach((key, value) -> kafka.put((String) key, value));
        return kafka;
    }
}
