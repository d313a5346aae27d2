package io.hybridllm.testkit.postgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A small shell process that stops an embedded PostgreSQL when the JVM that started it is gone, also when that JVM was
 * killed with SIGKILL and could run no shutdown hook. The server runs in a session of its own (pg_ctl starts it as a
 * daemon), so it would otherwise outlive its JVM; the watcher runs in a new session too ({@code setsid}), so that
 * killing the JVM's process group does not take the watcher with it. It checks once a second; when the JVM is gone it
 * asks the server for a fast shutdown (SIGINT to the postmaster named in {@code postmaster.pid}), SIGKILLs it after 30
 * s, and deletes the data directory. It exits by itself once the data directory is gone (a normal close).
 */
final class PostgresWatcher implements AutoCloseable {

    private static final String SCRIPT = """
            parent=$1; data=$2
            alive() { kill -0 "$1" 2>/dev/null && [ "$(ps -o stat= -p "$1" 2>/dev/null | cut -c1)" != Z ]; }
            while alive "$parent" && [ -d "$data" ]; do sleep 1; done
            [ -d "$data" ] || exit 0
            postmaster=$(head -n 1 "$data/postmaster.pid" 2>/dev/null)
            if [ -n "$postmaster" ] && kill -INT "$postmaster" 2>/dev/null; then
              waited=0
              while alive "$postmaster" && [ "$waited" -lt 30 ]; do sleep 1; waited=$((waited + 1)); done
              kill -KILL "$postmaster" 2>/dev/null
            fi
            rm -rf "$data"
            """;

    private final Process process;

    private PostgresWatcher(Process process) {
        this.process = process;
    }

    /** Watches this JVM on behalf of the server whose data directory is {@code dataDir}. */
    static PostgresWatcher start(Path dataDir) {
        List<String> command = new ArrayList<>();
        setsid().ifPresent(command::add);
        command.addAll(List.of("/bin/sh", "-c", SCRIPT, "hybrid-postgres-watcher",
                String.valueOf(ProcessHandle.current().pid()), dataDir.toString()));
        try {
            return new PostgresWatcher(new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the watcher that stops PostgreSQL with this JVM", e);
        }
    }

    /**
     * {@code setsid}, where the system has one (Linux); elsewhere (macOS) the watcher stays in the JVM's process group
     * and covers a SIGKILL of the JVM alone, not one of its whole group.
     */
    private static Optional<String> setsid() {
        return Stream.of("/usr/bin/setsid", "/bin/setsid").filter(p -> Files.isExecutable(Path.of(p))).findFirst();
    }

    long pid() {
        return process.pid();
    }

    /** Ends the watcher: the server is being stopped by its owner. */
    @Override
    public void close() {
        process.destroy();
    }
}
