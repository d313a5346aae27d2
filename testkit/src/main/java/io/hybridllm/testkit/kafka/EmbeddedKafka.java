package io.hybridllm.testkit.kafka;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Properties;

import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.Feature;
import org.apache.kafka.server.common.MetadataVersion;

import io.hybridllm.testkit.support.FreePorts;
import io.hybridllm.testkit.support.TempDirs;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;

/**
 * A single-node Apache Kafka broker in KRaft mode (combined broker and controller) inside this JVM, on a fresh data
 * directory that is deleted on close.
 */
public final class EmbeddedKafka implements KafkaBroker {

    private final Properties config;
    private final Path dataDir;
    private final String bootstrapServers;
    private KafkaRaftServer server;

    private EmbeddedKafka(KafkaRaftServer server, Properties config, Path dataDir, String bootstrapServers) {
        this.server = server;
        this.config = config;
        this.dataDir = dataDir;
        this.bootstrapServers = bootstrapServers;
    }

    /** Starts a broker on a free port. */
    public static EmbeddedKafka start() {
        return start(FreePorts.next());
    }

    public static EmbeddedKafka start(int port) {
        Path dataDir = TempDirs.create("hybrid-kafka-");
        int controllerPort = FreePorts.next();
        Properties props = new Properties();
        props.put("process.roles", "broker,controller");
        props.put("node.id", "1");
        props.put("controller.quorum.voters", "1@localhost:" + controllerPort);
        props.put("listeners", "PLAINTEXT://localhost:" + port + ",CONTROLLER://localhost:" + controllerPort);
        props.put("advertised.listeners", "PLAINTEXT://localhost:" + port);
        props.put("controller.listener.names", "CONTROLLER");
        props.put("inter.broker.listener.name", "PLAINTEXT");
        props.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        props.put("log.dirs", dataDir.toString());
        props.put("offsets.topic.replication.factor", "1");
        props.put("offsets.topic.num.partitions", "5");
        props.put("transaction.state.log.replication.factor", "1");
        props.put("transaction.state.log.min.isr", "1");
        props.put("share.coordinator.state.topic.replication.factor", "1");
        props.put("share.coordinator.state.topic.min.isr", "1");
        props.put("group.initial.rebalance.delay.ms", "0");
        // The default 128 MiB cleaner buffer is wasted on a test broker.
        props.put("log.cleaner.dedupe.buffer.size", String.valueOf(2 * 1024 * 1024));
        // Jobs name their own reply_to topics; a development broker creates them on first use.
        props.put("auto.create.topics.enable", "true");
        props.put("num.partitions", "1");
        try {
            format(dataDir);
            return new EmbeddedKafka(startServer(props), props, dataDir, "localhost:" + port);
        } catch (Exception e) {
            TempDirs.delete(dataDir);
            throw new IllegalStateException("embedded Kafka did not start on port " + port + ": " + e.getMessage(), e);
        }
    }

    private static KafkaRaftServer startServer(Properties props) {
        KafkaRaftServer server = new KafkaRaftServer(new KafkaConfig(props, false), Time.SYSTEM);
        server.startup();
        return server;
    }

    /**
     * Shuts the broker down (a controlled shutdown: every client loses its connections) and starts it again on the same
     * port and data directory: a broker restart as its clients see it (fault-injection runs).
     */
    public synchronized void restart() {
        server.shutdown();
        server.awaitShutdown();
        server = startServer(config);
    }

    private static void format(Path dataDir) throws Exception {
        new Formatter().setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                .setClusterId(Uuid.randomUuid().toString()).setNodeId(1).setControllerListenerName("CONTROLLER")
                .setMetadataLogDirectory(dataDir.toString()).addDirectory(dataDir.toString())
                .setSupportedFeatures(Feature.PRODUCTION_FEATURES).setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
                .run();
    }

    @Override
    public String bootstrapServers() {
        return bootstrapServers;
    }

    @Override
    public synchronized void close() {
        try {
            server.shutdown();
            server.awaitShutdown();
        } finally {
            TempDirs.delete(dataDir);
        }
    }

}
