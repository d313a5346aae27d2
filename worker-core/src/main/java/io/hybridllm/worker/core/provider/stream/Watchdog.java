package io.hybridllm.worker.core.provider.stream;

import java.io.Closeable;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Closes a stream at a deadline: an HTTP client's request timeout stops at the response headers, so a body that goes
 * quiet would hold the call forever. Closing it ends the read that waits; {@link #expired()} tells the caller why.
 */
public final class Watchdog implements AutoCloseable {

    private final AtomicBoolean expired = new AtomicBoolean();
    private final CompletableFuture<Void> timer;

    private Watchdog(Closeable stream, long nanos) {
        timer = new CompletableFuture<Void>().completeOnTimeout(null, Math.max(0, nanos), TimeUnit.NANOSECONDS);
        timer.thenRun(() -> {
            expired.set(true);
            try {
                stream.close();
            } catch (IOException ignored) {
                // Closing is all that is asked; the reader sees the end either way.
            }
        });
    }

    /** Closes {@code stream} at {@code deadline} ({@link System#nanoTime()}), unless closed first. */
    public static Watchdog until(long deadline, Closeable stream) {
        return new Watchdog(stream, deadline - System.nanoTime());
    }

    public boolean expired() {
        return expired.get();
    }

    @Override
    public void close() {
        timer.cancel(false);
    }
}
