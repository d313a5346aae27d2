package io.hybridllm.testkit;

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
 */
public final class Infrastructure {

    public static final String MODE_PROPERTY = "hybrid.infra";

    private static KafkaBroker kafka;
    private static PostgresServer postgres;
    private static final Deque<AutoCloseable> STARTED = new ArrayDeque<>();

    public static synchronized KafkaBroker kafka() {
        if (kafka == null) {
            kafka = containers() ? ContainerKafka.start() : EmbeddedKafka.start();
            STARTED.push(kafka);
            TopicAdmin.createAll(kafka.bootstrapServers(), Topics.ALL);
        }
        return kafka;
    }

    public static synchronized PostgresServer postgres() {
        if (postgres == null) {
            postgres = containers() ? ContainerPostgres.start() : EmbeddedPostgresServer.start();
            STARTED.push(postgres);
        }
        return postgres;
    }

    /** Closes what was started, newest first. */
    public static synchronized void closeAll() {
        while (!STARTED.isEmpty()) {
            try {
                STARTED.pop().close();
            } catch (Exception e) {
                System.err.println("hybrid-llm testkit: could not close infrastructure cleanly: " + e);
            }
        }
        kafka = null;
        postgres = null;
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

    private Infrastructure() {
    }
}
