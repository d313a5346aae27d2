package io.hybridllm.testkit.kafka;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

    /** The broker's own principal, its super user: the one the launcher and the tests administer it as. */
    public static final String ADMIN = "admin";

    private final Properties config;
    private final Path dataDir;
    private final String bootstrapServers;
    private final SaslScram admin;
    private KafkaRaftServer server;

    private EmbeddedKafka(KafkaRaftServer server, Properties config, Path dataDir, String bootstrapServers,
            SaslScram admin) {
        this.server = server;
        this.config = config;
        this.dataDir = dataDir;
        this.bootstrapServers = bootstrapServers;
        this.admin = admin;
    }

    /** Starts a broker on a free port. */
    public static EmbeddedKafka start() {
        return start(FreePorts.next());
    }

    public static EmbeddedKafka start(int port) {
        return start(port, null);
    }

    /**
     * Starts a broker that authenticates every client (SASL/SCRAM-SHA-512; the controller listener with SASL/PLAIN, as
     * KRaft requires) and authorizes every request against ACLs: a principal may do only what a grant allows (see
     * {@link BrokerAccess}), and {@link #ADMIN}, the super user, anything. No TLS: it listens on localhost only.
     */
    public static EmbeddedKafka startSecured(int port) {
        return start(port, new SaslScram(ADMIN, BrokerAccess.newPassword()));
    }

    private static EmbeddedKafka start(int port, SaslScram admin) {
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
        if (admin != null) {
            secure(props, port, controllerPort, admin);
        }
        try {
            format(dataDir, admin);
            return new EmbeddedKafka(startServer(props), props, dataDir, "localhost:" + port, admin);
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

    private static void secure(Properties props, int port, int controllerPort, SaslScram admin) {
        props.put("listeners", "SASL_PLAINTEXT://localhost:" + port + ",CONTROLLER://localhost:" + controllerPort);
        props.put("advertised.listeners", "SASL_PLAINTEXT://localhost:" + port);
        props.put("inter.broker.listener.name", "SASL_PLAINTEXT");
        props.put("listener.security.protocol.map", "SASL_PLAINTEXT:SASL_PLAINTEXT,CONTROLLER:SASL_PLAINTEXT");
        props.put("listener.name.sasl_plaintext.sasl.enabled.mechanisms", SaslScram.MECHANISM);
        props.put("sasl.mechanism.inter.broker.protocol", SaslScram.MECHANISM);
        props.put("listener.name.sasl_plaintext.scram-sha-512.sasl.jaas.config", admin.jaasConfig());
        // SCRAM credentials live in the metadata log, which a controller cannot read before it runs: PLAIN here.
        props.put("listener.name.controller.sasl.enabled.mechanisms", "PLAIN");
        props.put("sasl.mechanism.controller.protocol", "PLAIN");
        props.put("listener.name.controller.plain.sasl.jaas.config",
                "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"" + admin.username()
                        + "\" password=\"" + admin.password() + "\" user_" + admin.username() + "=\"" + admin.password()
                        + "\";");
        props.put("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer");
        props.put("super.users", "User:" + admin.username());
        props.put("allow.everyone.if.no.acl.found", "false");
    }

    private static void format(Path dataDir, SaslScram admin) throws Exception {
        Formatter formatter = new Formatter().setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                .setClusterId(Uuid.randomUuid().toString()).setNodeId(1).setControllerListenerName("CONTROLLER")
                .setMetadataLogDirectory(dataDir.toString()).addDirectory(dataDir.toString())
                .setSupportedFeatures(Feature.PRODUCTION_FEATURES).setReleaseVersion(MetadataVersion.LATEST_PRODUCTION);
        if (admin != null) {
            // The administrator's SCRAM credential is in the metadata from the start, so it can create the others.
            formatter.setScramArguments(List
                    .of(SaslScram.MECHANISM + "=[name=" + admin.username() + ",password=" + admin.password() + "]"));
        }
        formatter.run();
    }

    /** Whether clients must authenticate (see {@link #startSecured}). */
    public boolean secured() {
        return admin != null;
    }

    @Override
    public Map<String, Object> adminClientConfig() {
        Map<String, Object> config = new HashMap<>(KafkaBroker.super.adminClientConfig());
        if (admin != null) {
            config.putAll(admin.clientConfig());
        }
        return Map.copyOf(config);
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
