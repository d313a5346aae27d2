package io.hybridllm.launcher.attack;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The honest tenant: submits a simple request at a fixed rate and long-polls each to its end, recording the time from
 * submission to answer. A request that does not succeed is counted as lost to the honest tenant.
 */
final class HonestClient {

    /** What one phase of honest traffic saw. */
    record Phase(int sent, int succeeded, int lost, long p50Ms, long p99Ms) {
    }

    private final String ingest;
    private final Tenant tenant;

    HonestClient(String ingest, Tenant tenant) {
        this.ingest = ingest;
        this.tenant = tenant;
    }

    /** Sends {@code rate} requests a second for {@code length}, then waits for every answer. */
    Phase run(int rate, Duration length, String label) throws InterruptedException {
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger lost = new AtomicInteger();
        int total = (int) (rate * length.toSeconds());
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            long start = System.nanoTime();
            for (int i = 0; i < total; i++) {
                long due = start + i * 1_000_000_000L / rate;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
                int n = i;
                pool.submit(() -> one(label + " " + n, latencies, lost));
            }
        }
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        return new Phase(total, sorted.size(), lost.get(), percentile(sorted, 50), percentile(sorted, 99));
    }

    private void one(String label, List<Long> latencies, AtomicInteger lost) {
        long start = System.nanoTime();
        Http.Answer submitted = tenant.submit(ingest, "What is 2+2? (" + label + ")", "");
        String id = submitted.body().path("id").asText();
        if (submitted.status() != 202 || !"succeeded".equals(tenant.awaitFinal(ingest, id, 60))) {
            lost.incrementAndGet();
            return;
        }
        latencies.add((System.nanoTime() - start) / 1_000_000);
    }

    private static long percentile(List<Long> sorted, int percent) {
        return sorted.isEmpty() ? -1 : sorted.get(Math.min(sorted.size() - 1, sorted.size() * percent / 100));
    }
}
