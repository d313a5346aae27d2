package io.hybridllm.testkit;

import java.lang.reflect.InvocationTargetException;
import java.util.ArrayDeque;
import java.util.Deque;

import io.hybridllm.contracts.Topics;
import io.hybridllm.testkit.kafka.ContainerKafka;
import io.hybridllm.testkit.kafka.EmbeddedKafka;
import io.hybridllm.testkit.kafka.KafkaBroker;
import io.hybridllm.testkit.kafka.TopicAdmin;
import io.hybridllm.testkit.postgres.ContainerPostgres;
import io.hybridllm.testkit.postgres.EmbeddedPostgresServer;
import io.hybridllm.testkit.postgres.PostgresServer;

/**
 * The Kafka broker and the PostgreSQL server of this test JVM, each started on first use and closed once, after the
 * last test (see {@link InfrastructureSessionListener}). {@code -Dhybrid.infra=testcontainers} runs them in containers
 * instead; the default, {@code embedded}, needs no Docker.
 * <p>
 * Quarkus loads this class again in each application's class loader, where its statics would start a second broker. So
 * one copy owns the servers: the one the system class loader loads. The other copies ask it, by reflection, and get
 * back only strings, which every class loader shares.
 */
public final class Infrastructure {

    public static final String MODE_PROPERTY = "hybrid.infra";

    private static final Class<?> OWNER = owner();
    private static final Deque<AutoCloseable> STARTED = new ArrayDeque<>();
    private static String kafkaBootstrapServers;
    private static String[] postgresEndpoint;

    public static KafkaBroker kafka() {
        return new SharedKafka((String) fromOwner("ownedKafka"));
    }

    public static PostgresServer postgres() {
        String[] endpoint = (String[]) fromOwner("ownedPostgres");
        return new SharedPostgres(endpoint[0], endpoint[1], endpoint[2]);
    }

    /** Closes what was started, newest first. */
    public static void closeAll() {
        fromOwner("closeOwned");
    }

    /** Has {@code client} closed with the infrastructure, before the servers it talks to. */
    public static void closeAtEnd(AutoCloseable client) {
        fromOwner("closeOwnedAtEnd", client);
    }

    public static synchronized Object closeOwnedAtEnd(AutoCloseable client) {
        STARTED.push(client);
        return null;
    }

    /** Called on the owning copy only: the broker's address, starting it on first use. */
    public static synchronized String ownedKafka() {
        if (kafkaBootstrapServers == null) {
            KafkaBroker broker = containers() ? ContainerKafka.start() : EmbeddedKafka.start();
            STARTED.push(broker);
            TopicAdmin.createAll(broker.bootstrapServers(), Topics.ALL);
            kafkaBootstrapServers = broker.bootstrapServers();
        }
        return kafkaBootstrapServers;
    }

    /** Called on the owning copy only: {URL prefix, user, password}, starting the server on first use. */
    public static synchronized String[] ownedPostgres() {
        if (postgresEndpoint == null) {
            PostgresServer server = containers() ? ContainerPostgres.start() : EmbeddedPostgresServer.start();
            STARTED.push(server);
            postgresEndpoint = new String[] { server.jdbcUrl(""), server.username(), server.password() };
        }
        return postgresEndpoint.clone();
    }

    public static synchronized Object closeOwned() {
        while (!STARTED.isEmpty()) {
            try {
                STARTED.pop().close();
            } catch (Exception e) {
                System.err.println("hybrid-llm testkit: could not close infrastructure cleanly: " + e);
            }
        }
        kafkaBootstrapServers = null;
        postgresEndpoint = null;
        return null;
    }

    private static Object fromOwner(String method, Object... arguments) {
        // Kafka loads some classes through the context class loader: it must be the owner's, like the broker's own.
        Thread thread = Thread.currentThread();
        ClassLoader caller = thread.getContextClassLoader();
        thread.setContextClassLoader(OWNER.getClassLoader());
        try {
            Class<?>[] types = arguments.length == 0 ? new Class<?>[0] : new Class<?>[] { AutoCloseable.class };
            return OWNER.getMethod(method, types).invoke(null, arguments);
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("testkit infrastructure cannot reach its owner: " + e, e);
        } finally {
            thread.setContextClassLoader(caller);
        }
    }

    private static Class<?> owner() {
        try {
            return Class.forName(Infrastructure.class.getName(), true, ClassLoader.getSystemClassLoader());
        } catch (ClassNotFoundException e) {
            // testkit is not on the system class path (an unusual runner): this copy owns the servers itself.
            return Infrastructure.class;
        }
    }

    private static boolean containers() {
        String mode = System.getProperty(MODE_PROPERTY, "embedded");
        return switch (mode) {
            case "embedded" -> false;
            case "testcontainers" -> true;
            default -> throw new IllegalArgumentException(
                    "-D" + MODE_PROPERTY + "=" + mode + " is not known; use embedded (default) or testcontainers");
        };
    }

    /** The shared broker as seen from any class loader; closing it is {@link #closeAll()}'s job. */
    private record SharedKafka(String bootstrapServers) implements KafkaBroker {
        @Override
        public void close() {
        }
    }

    private record SharedPostgres(String urlPrefix, String username, String password) implements PostgresServer {
        @Override
        public String jdbcUrl(String database) {
            return urlPrefix + database;
        }

        @Override
        public void close() {
        }
    }

    private Infrastructure() {
    }
}
