package io.hybridllm.launcher.load;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.OptionalLong;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

import org.HdrHistogram.Histogram;

/**
 * An HTTP path at a fixed rate: each request starts on a virtual thread of its own when it is due, whether or not the
 * earlier ones have been answered, and its latency counts from when it was due (no coordinated omission). Subclasses
 * make one request and say how long the model took.
 */
abstract class HttpLoad implements LoadPath {

    protected static final Duration GIVE_UP = Duration.ofMinutes(2);

    protected final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    protected final String ingest;

    HttpLoad(String ingest) {
        this.ingest = ingest;
    }

    /** Makes request {@code i} and waits for its final answer; the model's own time in ms, or empty if it failed. */
    protected abstract OptionalLong call(int i) throws Exception;

    @Override
    public Step run(int rate, Duration length) throws InterruptedException {
        int count = (int) (rate * length.toSeconds());
        long period = 1_000_000_000L / rate;
        Histogram added = Step.histogram();
        Histogram total = Step.histogram();
        AtomicInteger answered = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        long start = System.nanoTime() + 100_000_000L;
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < count; i++) {
                long due = start + i * period;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
                int index = i;
                threads.submit(() -> {
                    OptionalLong modelMs;
                    try {
                        modelMs = call(index);
                    } catch (Exception e) {
                        modelMs = OptionalLong.empty();
                    }
                    long nanos = System.nanoTime() - due;
                    if (modelMs.isEmpty()) {
                        failed.incrementAndGet();
                        return;
                    }
                    answered.incrementAndGet();
                    synchronized (total) {
                        total.recordValue(nanos);
                        added.recordValue(Math.max(0, nanos - modelMs.getAsLong() * 1_000_000L));
                    }
                });
            }
            threads.shutdown();
            threads.awaitTermination(GIVE_UP.toSeconds() + 30, TimeUnit.SECONDS);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Step(rate, count, answered.get(), failed.get(), added, total, seconds);
    }
}
