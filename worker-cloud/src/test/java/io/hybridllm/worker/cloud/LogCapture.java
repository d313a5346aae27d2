package io.hybridllm.worker.cloud;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * Every log record of the application while installed, as text: the message pattern, each parameter and every throwable
 * in the chain, so that a secret is found whichever of them carries it.
 */
public final class LogCapture extends Handler implements AutoCloseable {

    private final List<String> lines = new ArrayList<>();

    public static LogCapture install() {
        LogCapture capture = new LogCapture();
        capture.setLevel(Level.ALL);
        Logger.getLogger("").addHandler(capture);
        return capture;
    }

    @Override
    public synchronized void publish(LogRecord record) {
        StringBuilder line = new StringBuilder(record.getLoggerName() + " " + record.getMessage());
        if (record.getParameters() != null) {
            line.append(" | ").append(
                    Arrays.stream(record.getParameters()).map(String::valueOf).collect(Collectors.joining(" | ")));
        }
        for (Throwable thrown = record.getThrown(); thrown != null; thrown = thrown.getCause()) {
            line.append(" | ").append(thrown);
        }
        lines.add(line.toString());
    }

    public synchronized List<String> lines() {
        return List.copyOf(lines);
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        Logger.getLogger("").removeHandler(this);
    }
}
