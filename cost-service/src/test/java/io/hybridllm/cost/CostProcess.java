package io.hybridllm.cost;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import io.hybridllm.testkit.Infrastructure;
import io.hybridllm.testkit.postgres.PostgresServer;
import io.hybridllm.testkit.support.FreePorts;

/**
 * The packaged cost service ({@code target/quarkus-app}) as a process of its own, against this JVM's Kafka and a
 * database of the test's choosing: started, killed without warning, and started again.
 */
public final class CostProcess implements AutoCloseable {

    public static final String ADMIN_TOKEN = "restart-admin-token";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final Process process;
    private final int port;

    private CostProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Starts the service on a free port with {@code environment} added, and returns once it is ready. */
    public static CostProcess start(String database, String name, Map<String, String> environment) {
        PostgresServer postgres = Infrastructure.postgres();
        postgres.createDatabase(database);
        int port = FreePorts.next();
        // A killed consumer keeps its partitions until its session times out: the broker's minimum, not Kafka's 45 s.
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dmp.messaging.incoming.usage.session.timeout.ms=6000", "-jar",
                Path.of("target", "quarkus-app", "quarkus-run.jar").toString());
        Map<String, String> env = builder.environment();
        env.put("KAFKA_BOOTSTRAP_SERVERS", Infrastructure.kafka().bootstrapServers());
        env.put("QUARKUS_DATASOURCE_JDBC_URL", postgres.jdbcUrl(database));
        env.put("QUARKUS_DATASOURCE_USERNAME", postgres.username());
        env.put("QUARKUS_DATASOURCE_PASSWORD", postgres.password());
        env.put("QUARKUS_HTTP_PORT", Integer.toString(port));
        env.put("HYBRID_ADMIN_TOKEN", ADMIN_TOKEN);
        env.put("HYBRID_OUTBOX_POLL_EVERY", "1s");
        env.putAll(environment);
        builder.redirectErrorStream(true).redirectOutput(Path.of("target", name + ".log").toFile());
        try {
            CostProcess started = new CostProcess(builder.start(), port);
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250)).until(started::ready);
            return started;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return port;
    }

    /** SIGKILL: no shutdown hook, no drain, no offset commit. */
    public void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        process.waitFor();
    }

    private boolean ready() {
        if (!process.isAlive()) {
            throw new IllegalStateException("the cost service exited with " + process.exitValue());
        }
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/q/health/ready")).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
