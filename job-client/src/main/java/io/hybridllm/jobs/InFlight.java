package io.hybridllm.jobs;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import io.hybridllm.contracts.LlmReply;

/**
 * The requests awaiting a reply: at most {@code limit} (a slot each), each given up at its deadline. A request leaves
 * exactly once, by its first reply, its deadline, a refused submission or the client's close, whichever comes first;
 * later replies for it are counted, never delivered.
 */
final class InFlight {

    private final Semaphore slots;
    private final Map<String, CompletableFuture<LlmReply>> awaiting = new ConcurrentHashMap<>();
    private final ScheduledThreadPoolExecutor deadlines;
    private final Clock clock;
    private final AtomicInteger peak = new AtomicInteger();
    private final AtomicLong ignoredReplies = new AtomicLong();

    InFlight(int limit, Clock clock) {
        this.slots = new Semaphore(limit);
        this.clock = clock;
        this.deadlines = new ScheduledThreadPoolExecutor(1,
                task -> Thread.ofPlatform().name("job-client-deadlines").daemon().unstarted(task));
        // A request answered in time cancels its deadline: the queue holds only requests in flight.
        this.deadlines.setRemoveOnCancelPolicy(true);
    }

    /** Takes a slot, waiting for one at most {@code patience}; false if none came free. */
    boolean takeSlot(Duration patience) throws InterruptedException {
        return slots.tryAcquire(patience.toNanos(), TimeUnit.NANOSECONDS);
    }

    void returnSlot() {
        slots.release();
    }

    /**
     * Registers a request holding a slot: its future completes with the first reply, or fails at {@code giveUpAt}.
     * Refuses an id already in flight (the slot is returned).
     */
    CompletableFuture<LlmReply> register(String requestId, Instant giveUpAt) {
        CompletableFuture<LlmReply> future = new CompletableFuture<>();
        if (awaiting.putIfAbsent(requestId, future) != null) {
            slots.release();
            throw new IllegalArgumentException("request " + requestId + " is already in flight in this job client");
        }
        peak.accumulateAndGet(awaiting.size(), Math::max);
        // Rounded up, never down: a request is not given up before its deadline (toMillis truncated, up to 1 ms early).
        long delay = Math.max(0, (Duration.between(clock.instant(), giveUpAt).toNanos() + 999_999) / 1_000_000);
        ScheduledFuture<?> timer = deadlines.schedule(
                () -> future.completeExceptionally(new JobClientException.DeadlineExceeded("request " + requestId
                        + " had no reply by " + giveUpAt + "; it may still be answered, on the reply topic")),
                delay, TimeUnit.MILLISECONDS);
        // Whatever ends it (reply, deadline, refusal, cancel by the caller), the request leaves once.
        future.whenComplete((reply, failure) -> {
            timer.cancel(false);
            if (awaiting.remove(requestId, future)) {
                slots.release();
            }
        });
        return future;
    }

    /** Takes a slot for a request an earlier run submitted, and awaits its reply like one submitted now. */
    void adopt(String requestId, Instant giveUpAt) {
        if (!slots.tryAcquire()) {
            throw new IllegalStateException("cannot take over request " + requestId + ": more requests were submitted "
                    + "earlier than maxInFlight allows now; raise maxInFlight to at least their number");
        }
        register(requestId, giveUpAt);
    }

    /** The future of a request in flight; an already completed one-off failure if it is not. */
    CompletableFuture<LlmReply> future(String requestId) {
        CompletableFuture<LlmReply> future = awaiting.get(requestId);
        return future != null ? future
                : CompletableFuture.failedFuture(new IllegalArgumentException("request " + requestId
                        + " is not in flight in this job client (answered, given up, or never submitted)"));
    }

    /** Delivers a reply to the request awaiting it; a reply for no request in flight is counted and dropped. */
    void deliver(LlmReply reply) {
        CompletableFuture<LlmReply> future = awaiting.get(reply.requestId());
        if (future == null || !future.complete(reply)) {
            ignoredReplies.incrementAndGet();
        }
    }

    boolean isAwaiting(String requestId) {
        return awaiting.containsKey(requestId);
    }

    void fail(String requestId, JobClientException why) {
        CompletableFuture<LlmReply> future = awaiting.get(requestId);
        if (future != null) {
            future.completeExceptionally(why);
        }
    }

    int size() {
        return awaiting.size();
    }

    int peak() {
        return peak.get();
    }

    long ignoredReplies() {
        return ignoredReplies.get();
    }

    /** Ends every request still in flight with {@code why}. */
    void close(JobClientException why) {
        awaiting.values().forEach(future -> future.completeExceptionally(why));
        deadlines.shutdownNow();
    }
}
