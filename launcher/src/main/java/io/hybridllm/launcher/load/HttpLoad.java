package io.hybridllm.launcher.load;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
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

    // HTTP/1.1, a connection per request in flight, as most load generators do. The JDK client's default, HTTP/2 over
    // cleartext, multiplexes on a few connections and fails requests with "EOF reached while reading" once more than
    // the server's 100 concurrent streams per connection are open.
    protected final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    protected final String ingest;

    HttpLoad(String ingest) {
        this.ingest = ingest;
    }

    /**
     * Makes request {@code i} and waits for its final answer; returns the model's own time in ms, or throws with the
     * cause of the failure as its message (e.g. {@code HTTP 503}).
     */
    protected abstract long call(int i) throws Exception;

    @Override
    public Step run(int rate, Duration length) throws InterruptedException {
        int count = (int) (rate * length.toSeconds());
        long period = 1_000_000_000L / rate;
        Histogram added = Step.histogram();
        Histogram total = Step.histogram();
        AtomicInteger answered = new AtomicInteger();
        Map<String, Integer> failures = new ConcurrentHashMap<>();
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
                    long modelMs;
                    try {
                        modelMs = call(index);
                    } catch (Exception e) {
                        failures.merge(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage(), 1,
                                Integer::sum);
                        return;
                    }
                    long nanos = System.nanoTime() - due;
                    answered.incrementAndGet();
                    synchronized (total) {
                        total.recordValue(nanos);
                        added.recordValue(Math.max(0, nanos - modelMs * 1_000_000L));
                    }
                });
            }
            threads.shutdown();
            threads.awaitTermination(GIVE_UP.toSeconds() + 30, TimeUnit.SECONDS);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        int failed = failures.values().stream().mapToInt(Integer::intValue).sum();
        return new Step(rate, count, answered.get(), failed, added, total, seconds, Map.copyOf(failures));
    }
}
