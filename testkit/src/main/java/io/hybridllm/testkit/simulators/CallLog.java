package io.hybridllm.testkit.simulators;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A simulator's count of answering calls: how many, when each arrived (the latest 100,000, for rate-limit checks) and
 * the most held at once (for throughput benchmarks).
 */
final class CallLog {

    private static final int KEPT_TIMES = 100_000;

    private final AtomicLong calls = new AtomicLong();
    private final Deque<Instant> times = new ArrayDeque<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger peak = new AtomicInteger();

    void arrived() {
        calls.incrementAndGet();
        synchronized (times) {
            times.addLast(Instant.now());
            if (times.size() > KEPT_TIMES) {
                times.removeFirst();
            }
        }
    }

    /** A call is being answered (after its latency); pair with {@link #answered()}. */
    void answering() {
        peak.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
    }

    void answered() {
        inFlight.decrementAndGet();
    }

    long calls() {
        return calls.get();
    }

    List<Instant> times() {
        synchronized (times) {
            return List.copyOf(times);
        }
    }

    int peak() {
        return peak.get();
    }
}
