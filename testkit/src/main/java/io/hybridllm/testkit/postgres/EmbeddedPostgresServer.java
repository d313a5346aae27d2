package io.hybridllm.testkit.postgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

import io.hybridllm.testkit.support.FreePorts;
import io.hybridllm.testkit.support.TempDirs;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL server from the embedded binaries on Maven Central, run as a child process on a fresh data
 * directory that is deleted on close.
 */
public final class EmbeddedPostgresServer implements PostgresServer {

    private final EmbeddedPostgres postgres;
    private final Path dataDir;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres, Path dataDir) {
        this.postgres = postgres;
        this.dataDir = dataDir;
    }

    public static EmbeddedPostgresServer start() {
        return start(FreePorts.next());
    }

    public static EmbeddedPostgresServer start(int port) {
        Path dataDir = TempDirs.create("hybrid-postgres-");
        try {
            EmbeddedPostgres postgres = EmbeddedPostgres.builder().setPort(port).setDataDirectory(dataDir)
                    .setCleanDataDirectory(true).setServerConfig("max_connections", "200")
                    // Whoever started the server closes it, after its clients: a JVM shutdown hook of its own would
                    // stop it in parallel with services that are still draining.
                    .setRegisterShutdownHook(false).start();
            return new EmbeddedPostgresServer(postgres, dataDir);
        } catch (IOException e) {
            TempDirs.delete(dataDir);
            throw new UncheckedIOException("embedded PostgreSQL did not start on port " + port, e);
        }
    }

    @Override
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + database;
    }

    @Override
    public String username() {
        return "postgres";
    }

    @Override
    public String password() {
        return "postgres";
    }

    @Override
    public void close() {
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
