package io.hybridllm.worker.core.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import io.hybridllm.contracts.ChatMessage;
import io.hybridllm.contracts.GenerationOptions;
import io.hybridllm.contracts.LlmRequest;
import io.hybridllm.contracts.Priority;
import io.hybridllm.contracts.RequestHints;

class RateLimiterTest {

    private static final long SECOND = 1_000_000_000L;

    private static LlmRequest request(String id, Priority priority, Instant deadline, String prompt,
            Integer maxTokens) {
        return new LlmRequest(0, id, "acme", null, null, List.of(ChatMessage.user(prompt)),
                new GenerationOptions(maxTokens, null),
                new RequestHints(null, null, false, null, priority, deadline, Map.of()), null, null, null, null);
    }

    private static LlmRequest request(String id, Priority priority) {
        return request(id, priority, null, "Say hi", 16);
    }

    @Test
    void noMinuteEverSeesMoreThanTheLimit() {
        for (int limit : new int[] { 1, 7, 60, 500, 3000 }) {
            long[] now = { 0 };
            Bucket bucket = new Bucket(limit, now[0]);
            List<Long> granted = new ArrayList<>();
            // Take a permit whenever the bucket allows, for five minutes, as a greedy caller would.
            while (now[0] < 300 * SECOND) {
                long wait = bucket.nanosUntil(1, now[0]);
                now[0] += wait;
                bucket.take(1, now[0]);
                granted.add(now[0]);
            }
            int end = 0;
            for (int i = 0; i < granted.size(); i++) {
                while (end < granted.size() && granted.get(end) < granted.get(i) + 60 * SECOND) {
                    end++;
                }
                assertThat(end - i).as("limit %d, window from %d ns", limit, granted.get(i)).isLessThanOrEqualTo(limit);
            }
            // And the limit is used, not just respected: each full minute after the first holds close to it.
            long secondMinute = granted.stream().filter(t -> t >= 60 * SECOND && t < 120 * SECOND).count();
            assertThat(secondMinute).as("limit %d", limit).isGreaterThanOrEqualTo(Math.max(1, limit - limit / 60 - 1));
        }
    }

    @Test
    void aRequestLargerThanTheBurstGoesWhenTheBucketIsFullAndLeavesItInDebt() {
        Bucket tokens = new Bucket(6000, 0);
        assertThat(tokens.nanosUntil(5000, 0)).isZero();
        tokens.take(5000, 0);
        // 100 tokens of burst, refilled at about 98 a second: 4900 of debt to pay back first.
        assertThat(tokens.nanosUntil(1, 0)).isBetween(49L * SECOND, 51L * SECOND);
        tokens.refund(5000, 0);
        assertThat(tokens.nanosUntil(100, 0)).isZero();
    }

    @Test
    void theEstimateIsPromptOverFourPlusTheAnswerBudget() {
        RateLimiter limiter = new RateLimiter(0, 1000, 4096, Duration.ofSeconds(1));
        assertThat(limiter.estimate(request("a", Priority.BATCH, null, "x".repeat(400), 50))).isEqualTo(150);
        assertThat(limiter.estimate(request("b", Priority.BATCH, null, "x".repeat(401), null))).isEqualTo(101 + 4096);
    }

    @Test
    void aPermitThatWouldComeTooLateIsRefusedAtOnce() throws InterruptedException {
        AtomicLong ticks = new AtomicLong();
        RateLimiter limiter = new RateLimiter(1, 0, 0, Duration.ofSeconds(30), ticks::get);
        assertThat(limiter.acquire(request("first", Priority.INTERACTIVE), null)).isPresent();
        long started = System.nanoTime();
        // The next permit is a minute away (by the frozen ticker); both bounds are sooner.
        assertThat(limiter.acquire(request("second", Priority.INTERACTIVE), null)).isEmpty();
        assertThat(limiter.acquire(request("third", Priority.INTERACTIVE), Instant.now().plusSeconds(1))).isEmpty();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(1));
        assertThat(limiter.waiting()).isZero();
    }

    @Test
    void closingItLetsGoOfTheRequestsThatWaitAndOfTheNextOnes() throws Exception {
        AtomicLong ticks = new AtomicLong();
        RateLimiter limiter = new RateLimiter(1, 0, 0, Duration.ofMinutes(5), ticks::get);
        assertThat(limiter.acquire(request("first", Priority.INTERACTIVE), null)).isPresent();
        // The next permit is a minute away: the second request waits, as it would in a draining worker.
        CompletableFuture<Throwable> second = new CompletableFuture<>();
        Thread.ofVirtual().start(() -> {
            try {
                second.complete(
                        new AssertionError("a permit: " + limiter.acquire(request("second", Priority.BATCH), null)));
            } catch (Throwable e) {
                second.complete(e);
            }
        });
        for (long giveUp = System.nanoTime() + 10 * SECOND; limiter.waiting() == 0 && System.nanoTime() < giveUp;) {
            Thread.sleep(10);
        }
        assertThat(limiter.waiting()).as("the second request waits").isEqualTo(1);

        limiter.close();

        assertThat(second.get(10, TimeUnit.SECONDS)).isInstanceOf(InterruptedException.class)
                .hasMessageContaining("shutting down");
        assertThat(limiter.waiting()).isZero();
        assertThatThrownBy(() -> limiter.acquire(request("third", Priority.INTERACTIVE), null))
                .isInstanceOf(InterruptedException.class);
    }

    @Test
    void settledTokensComeBackForTheNextRequest() throws InterruptedException {
        AtomicLong ticks = new AtomicLong();
        RateLimiter limiter = new RateLimiter(0, 600, 0, Duration.ofSeconds(30), ticks::get);
        RateLimiter.Permit permit = limiter.acquire(request("big", Priority.BATCH, null, "hi", 200), null)
                .orElseThrow();
        assertThat(limiter.acquire(request("next", Priority.BATCH, null, "hi", 5), Instant.now())).isEmpty();
        // It used 2 of the 201 tokens it was charged: 8 of the burst of 10 are back, enough for 6.
        permit.settle(2);
        assertThat(limiter.acquire(request("next", Priority.BATCH, null, "hi", 5), Instant.now())).isPresent();
    }

    @Test
    void waitingRequestsAreServedInteractiveFirstThenByDeadline() throws Exception {
        // 120 a minute: a burst of 2, then one permit about every half second.
        RateLimiter limiter = new RateLimiter(120, 0, 0, Duration.ofSeconds(30));
        limiter.acquire(request("burst-1", Priority.INTERACTIVE), null).orElseThrow();
        limiter.acquire(request("burst-2", Priority.INTERACTIVE), null).orElseThrow();
        Instant soon = Instant.now().plusSeconds(60);
        List<LlmRequest> arriving = List.of(request("batch-late", Priority.BATCH, soon.plusSeconds(60), "x", 1),
                request("batch-none", Priority.BATCH, null, "x", 1),
                request("batch-soon", Priority.BATCH, soon, "x", 1), request("interactive-1", Priority.INTERACTIVE),
                request("interactive-2", Priority.INTERACTIVE));
        List<String> served = new CopyOnWriteArrayList<>();
        try (ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor()) {
            for (LlmRequest each : arriving) {
                callers.execute(() -> {
                    try {
                        limiter.acquire(each, null).orElseThrow();
                        served.add(each.id());
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                });
                // One at a time, so that arrival order is the list's order.
                long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
                while (limiter.waiting() + served.size() < arriving.indexOf(each) + 1 && System.nanoTime() < until) {
                    Thread.onSpinWait();
                }
            }
        }
        assertThat(served).containsExactly("interactive-1", "interactive-2", "batch-soon", "batch-late", "batch-none");
    }

    @Test
    void aLimitBelowOneAMinuteIsRefused() {
        assertThatThrownBy(() -> new Bucket(0, 0)).hasMessageContaining("at least 1 per minute");
    }
}
