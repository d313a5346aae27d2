package io.hybridllm.launcher.submit;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;

/**
 * How a submission goes: done, failed, in flight, spend so far, rate and ETA. On a terminal one line redrawn in place
 * with a bar; otherwise (a log, a pipe) a plain line every {@code every}.
 */
final class Progress {

    private static final int BAR = 24;

    private final PrintStream out;
    private final boolean terminal;
    private final Duration every;
    private final int total;
    private final IntSupplier inFlight;
    private final long startedNanos = System.nanoTime();
    private final int endedBefore;
    private final AtomicInteger succeeded = new AtomicInteger();
    private final AtomicInteger failed = new AtomicInteger();
    private BigDecimal spend = BigDecimal.ZERO;
    private long lastShownNanos;

    Progress(PrintStream out, boolean terminal, Duration every, int total, int endedBefore, IntSupplier inFlight) {
        this.out = out;
        this.terminal = terminal;
        this.every = every;
        this.total = total;
        this.endedBefore = endedBefore;
        this.inFlight = inFlight;
    }

    void ended(boolean success, BigDecimal cost) {
        (success ? succeeded : failed).incrementAndGet();
        synchronized (this) {
            spend = spend.add(cost);
        }
    }

    int failed() {
        return failed.get();
    }

    /** Shows the state if it is time to (always with {@code force}). */
    synchronized void show(boolean force) {
        long now = System.nanoTime();
        Duration gap = terminal ? Duration.ofMillis(200) : every;
        if (!force && now - lastShownNanos < gap.toNanos()) {
            return;
        }
        lastShownNanos = now;
        int endedNow = succeeded.get() + failed.get();
        int ended = endedBefore + endedNow;
        double seconds = Math.max(0.001, (now - startedNanos) / 1e9);
        double rate = endedNow / seconds;
        String eta = rate <= 0 ? "--:--" : clock((long) ((total - ended) / rate));
        String line = String.format("%d/%d  done %d  failed %d  in flight %d  spent $%s  %.1f/s  ETA %s", ended, total,
                succeeded.get(), failed.get(), inFlight.getAsInt(), spend.stripTrailingZeros().toPlainString(), rate,
                eta);
        if (terminal) {
            int filled = total == 0 ? BAR : (int) ((long) BAR * ended / total);
            out.print("\r[" + "#".repeat(filled) + ".".repeat(BAR - filled) + "] " + line + "   ");
            if (force) {
                out.println();
            }
        } else {
            out.println(line);
        }
        out.flush();
    }

    private static String clock(long seconds) {
        return seconds >= 3600 ? String.format("%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60)
                : String.format("%d:%02d", seconds / 60, seconds % 60);
    }
}
