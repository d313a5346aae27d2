package io.hybridllm.testkit.postgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import io.hybridllm.testkit.support.FreePorts;
import io.hybridllm.testkit.support.TempDirs;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL server from the embedded binaries on Maven Central, run as a child process on a fresh data
 * directory that is deleted on close. A {@link PostgresWatcher} stops it if this JVM dies without closing it.
 */
public final class EmbeddedPostgresServer implements PostgresServer {

    private final Path dataDir;
    private final int port;
    private final PostgresWatcher watcher;
    private final boolean durable;
    private EmbeddedPostgres postgres;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres, Path dataDir, int port, boolean durable) {
        this.postgres = postgres;
        this.durable = durable;
        this.dataDir = dataDir;
        this.port = port;
        this.watcher = PostgresWatcher.start(dataDir);
    }

    public static EmbeddedPostgresServer start() {
        return start(FreePorts.next());
    }

    public static EmbeddedPostgresServer start(int port) {
        return start(port, false);
    }

    /**
     * A server whose commits are durable ({@code durable}: fsync on, and each commit waits until its WAL is flushed),
     * or fast (synchronous_commit off, as for tests: a crash of the machine may lose the last commits, never corrupt).
     */
    public static EmbeddedPostgresServer start(int port, boolean durable) {
        Path dataDir = TempDirs.create("hybrid-postgres-");
        try {
            return new EmbeddedPostgresServer(startServer(dataDir, port, durable), dataDir, port, durable);
        } catch (IOException e) {
            TempDirs.delete(dataDir);
            throw new UncheckedIOException("embedded PostgreSQL did not start on port " + port, e);
        }
    }

    /** Initialises an empty data directory, or starts on the one a previous server left (a restart). */
    private static EmbeddedPostgres startServer(Path dataDir, int port, boolean durable) throws IOException {
        return EmbeddedPostgres.builder().setPort(port).setDataDirectory(dataDir)
                // The builder's own default is synchronous_commit=off; both are set here so that neither is implied.
                .setServerConfig("fsync", "on").setServerConfig("synchronous_commit", durable ? "on" : "off")
                // Kept on stop, so that a restart finds the data; close() deletes the directory.
                .setCleanDataDirectory(false).setServerConfig("max_connections", "200")
                // Whoever started the server closes it, after its clients: a JVM shutdown hook of its own would
                // stop it in parallel with services that are still draining.
                .setRegisterShutdownHook(false).start();
    }

    /**
     * Stops the server (its clients lose their connections) and starts it again on the same port and data: a database
     * restart as its clients see it (fault-injection runs).
     */
    public synchronized void restart() {
        try {
            postgres.close();
            postgres = startServer(dataDir, port, durable);
        } catch (IOException e) {
            throw new UncheckedIOException("embedded PostgreSQL did not restart on port " + port, e);
        }
    }

    @Override
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + port + "/" + database;
    }

    @Override
    public String username() {
        return "postgres";
    }

    @Override
    public String password() {
        return "postgres";
    }

    /** The server's main process (postmaster), from its pid file; -1 while it is not running. */
    public long postmasterPid() {
        try {
            return Long.parseLong(Files.readAllLines(dataDir.resolve("postmaster.pid")).getFirst().strip());
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    @Override
    public synchronized void close() {
        watcher.close();
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException("embedded PostgreSQL did not stop cleanly", e);
        } finally {
            // The server empties its data directory; the directory itself is ours to remove.
            TempDirs.delete(dataDir);
        }
    }
}
