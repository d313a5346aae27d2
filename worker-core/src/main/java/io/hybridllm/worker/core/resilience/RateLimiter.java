package io.hybridllm.worker.core.resilience;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;

import io.hybridllm.contracts.ChatMessage;
import io.hybridllm.contracts.LlmRequest;
import io.hybridllm.contracts.Priority;

/**
 * A provider's requests-per-minute and tokens-per-minute limits, kept in the worker so that excess requests wait here
 * instead of collecting 429s. Requests wait in priority order: interactive before batch, then the earliest deadline,
 * then arrival; only the first in line is given the next permit. A request is charged an estimate of its tokens (prompt
 * length / 4 plus its answer budget) before the call, and refunded what it did not use once the provider reports the
 * exact count. The caller waits on its own (virtual) thread, holding its slot: a pool full of waiting requests stops
 * the consumer, as a full pool does.
 */
public final class RateLimiter {

    /** No limits. */
    public static final RateLimiter UNLIMITED = new RateLimiter(0, 0, 0, Duration.ZERO, System::nanoTime);

    private static final Comparator<Waiter> ORDER = Comparator.comparing(Waiter::priority)
            .thenComparing(Waiter::deadline, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparingLong(Waiter::arrival);

    private record Waiter(Priority priority, Instant deadline, long arrival, Condition turn) {
    }

    private final Bucket requests;
    private final Bucket tokens;
    private final int defaultMaxTokens;
    private final Duration maxWait;
    private final LongSupplier ticker;
    private final ReentrantLock lock = new ReentrantLock();
    private final PriorityQueue<Waiter> line = new PriorityQueue<>(ORDER);
    private long arrivals;
    private boolean closed;

    /**
     * @param rpm
     *            requests per minute, 0 for no limit
     * @param tpm
     *            tokens per minute, 0 for no limit
     * @param defaultMaxTokens
     *            the answer budget assumed for a request that sets none
     * @param maxWait
     *            the longest a request waits for a permit before it fails over
     */
    public RateLimiter(int rpm, int tpm, int defaultMaxTokens, Duration maxWait) {
        this(rpm, tpm, defaultMaxTokens, maxWait, System::nanoTime);
    }

    RateLimiter(int rpm, int tpm, int defaultMaxTokens, Duration maxWait, LongSupplier ticker) {
        this.ticker = ticker;
        this.maxWait = maxWait;
        long now = ticker.getAsLong();
        this.requests = rpm > 0 ? new Bucket(rpm, now) : null;
        this.tokens = tpm > 0 ? new Bucket(tpm, now) : null;
        this.defaultMaxTokens = defaultMaxTokens;
    }

    /** What a call was charged; {@link #settle} corrects it with the tokens the provider counted. */
    public final class Permit {

        private final int charged;

        private Permit(int charged) {
            this.charged = charged;
        }

        /** The call used {@code used} tokens (0 for a call that failed): the rest of the estimate is given back. */
        public void settle(int used) {
            if (tokens == null || used >= charged) {
                return;
            }
            lock.lock();
            try {
                tokens.refund(charged - used, ticker.getAsLong());
                signalFirst();
            } finally {
                lock.unlock();
            }
        }
    }

    /**
     * Waits for a permit in priority order; empty when none would come within the maximum wait or before
     * {@code notAfter} (null for no such bound): the request then fails over instead of waiting longer. Interrupted
     * once the limiter is {@link #close() closed}: the worker is stopping.
     */
    public Optional<Permit> acquire(LlmRequest request, Instant notAfter) throws InterruptedException {
        if (requests == null && tokens == null) {
            return Optional.of(new Permit(0));
        }
        int estimate = tokens == null ? 0 : estimate(request);
        Instant limit = Instant.now().plus(maxWait);
        Instant giveUpAt = notAfter != null && notAfter.isBefore(limit) ? notAfter : limit;
        lock.lock();
        try {
            Waiter me = new Waiter(request.hints().priority(), request.hints().deadline(), arrivals++,
                    lock.newCondition());
            line.add(me);
            try {
                while (true) {
                    if (closed) {
                        throw new InterruptedException("the worker is shutting down");
                    }
                    long now = ticker.getAsLong();
                    long left = Duration.between(Instant.now(), giveUpAt).toNanos();
                    if (line.peek() == me) {
                        long wait = Math.max(requests == null ? 0 : requests.nanosUntil(1, now),
                                tokens == null ? 0 : tokens.nanosUntil(estimate, now));
                        if (wait == 0) {
                            take(estimate, now);
                            return Optional.of(new Permit(estimate));
                        }
                        if (wait > left) {
                            return Optional.empty();
                        }
                        me.turn().awaitNanos(wait);
                    } else if (left <= 0) {
                        return Optional.empty();
                    } else {
                        me.turn().awaitNanos(left);
                    }
                }
            } finally {
                line.remove(me);
                signalFirst();
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * The worker is stopping: a request waiting for a permit has called nobody yet, so it is left for redelivery now
     * instead of holding the drain (up to the limiter's wait) for a call another worker can make.
     */
    public void close() {
        lock.lock();
        try {
            closed = true;
            line.forEach(waiter -> waiter.turn().signal());
        } finally {
            lock.unlock();
        }
    }

    /** Requests waiting for a permit now. */
    public int waiting() {
        lock.lock();
        try {
            return line.size();
        } finally {
            lock.unlock();
        }
    }

    /** Prompt characters / 4 (what tokenizers average on English) plus the answer budget. */
    int estimate(LlmRequest request) {
        long characters = request.messages().stream().map(ChatMessage::content).filter(Objects::nonNull)
                .mapToLong(String::length).sum();
        Integer maxTokens = request.options() == null ? null : request.options().maxTokens();
        long estimate = (characters + 3) / 4 + (maxTokens != null ? maxTokens : defaultMaxTokens);
        return (int) Math.min(Integer.MAX_VALUE, estimate);
    }

    private void take(int estimate, long now) {
        if (requests != null) {
            requests.take(1, now);
        }
        if (tokens != null) {
            tokens.take(estimate, now);
        }
    }

    private void signalFirst() {
        Waiter first = line.peek();
        if (first != null) {
            first.turn().signal();
        }
    }
}
