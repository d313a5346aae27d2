package io.hybridllm.launcher.cli;

import java.nio.file.Path;
import java.util.Map;

import io.hybridllm.launcher.system.KafkaSettings;

import picocli.CommandLine.Option;

/** The connection options of every command that talks to a running system's broker ({@code submit}, {@code dlq}...). */
public final class KafkaConnection {

    @Option(names = "--kafka-config", paramLabel = "FILE", description = "Kafka client properties to connect with "
            + "(default: ./hybrid up's administrator, from its state directory).")
    Path config;

    @Option(names = "--bootstrap-servers", paramLabel = "HOSTS", description = "The brokers (default: those of "
            + "--kafka-config or ./hybrid up's, else localhost:9092).")
    String bootstrapServers;

    public Map<String, Object> settings(Path state) {
        return KafkaSettings.of(state, config == null ? null : config.toString(), bootstrapServers);
    }
}
