package io.hybridllm.worker.core.pool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

import org.junit.jupiter.api.Test;

import io.hybridllm.contracts.ChatMessage;
import io.hybridllm.contracts.LlmRequest;
import io.hybridllm.contracts.SchemaVersion;
import io.hybridllm.contracts.Tier;
import io.hybridllm.worker.core.CallResult;
import io.hybridllm.worker.core.ModelBackend;
import io.hybridllm.worker.core.pool.BackendPool.Lease;
import io.hybridllm.worker.core.resilience.Breaker;
import io.hybridllm.worker.core.resilience.RateLimiter;
import io.hybridllm.worker.core.resilience.Safeguards;

class BackendPoolTest {

    private record Fake(String name) implements ModelBackend {
        @Override
        public String provider() {
            return "ollama";
        }

        @Override
        public String defaultModel(Tier tier) {
            return tier == Tier.LOCAL_FAST ? "small" : "big";
        }

        @Override
        public CallResult chat(String model, LlmRequest request) {
            throw new UnsupportedOperationException();
        }

        @Override
        public String baseUrl() {
            return "http://" + name;
        }

        @Override
        public List<String> models() {
            return List.of();
        }
    }

    private final BackendPool pool = new BackendPool(
            List.of(new BackendPool.Slotted(new Fake("gpu-1"), 2), new BackendPool.Slotted(new Fake("gpu-2"), 1)), 2);

    private Lease take(String model) throws InterruptedException, ExecutionException {
        CompletableFuture<Optional<Lease>> lease = pool.acquire("ollama", model, Set.of());
        assertThat(lease).isDone();
        return lease.get().orElseThrow();
    }

    @Test
    void slotsGoToTheLeastBusyBackendAndNeverBeyondTheirCount() throws Exception {
        List<String> order = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            order.add(take("small").backend().name());
        }
        assertThat(order).containsExactly("gpu-1", "gpu-2", "gpu-1");

        CompletableFuture<Optional<Lease>> waiting = pool.acquire("ollama", "small", Set.of());
        assertThat(waiting).isNotDone();
        assertThat(pool.busy()).isEqualTo(3);
    }

    @Test
    void aFreedSlotGoesToTheFirstWaiter() throws Exception {
        Lease first = take("small");
        take("small");
        take("small");
        CompletableFuture<Optional<Lease>> one = pool.acquire("ollama", "small", Set.of());
        CompletableFuture<Optional<Lease>> two = pool.acquire("ollama", "small", Set.of());

        first.close();
        first.close();
        assertThat(one).isDone();
        assertThat(two).isNotDone();
        assertThat(pool.busy()).isEqualTo(3);
    }

    @Test
    void aModelNoHealthyBackendHasIsRefusedAtOnceInsteadOfWaiting() throws Exception {
        pool.checked(pool.backends().get(0), List.of("small"), Instant.now());
        pool.checked(pool.backends().get(1), List.of("small", "big"), Instant.now());
        assertThat(take("big").backend().name()).isEqualTo("gpu-2");
        assertThat(pool.acquire("ollama", "huge", Set.of()).get()).isEmpty();
        assertThat(pool.acquire("vllm", "small", Set.of()).get()).isEmpty();
        assertThat(pool.acquire("ollama", "small", Set.of("gpu-1", "gpu-2")).get()).isEmpty();
    }

    @Test
    void aBackendFailingItsChecksIsDisabledAndComesBackOnTheFirstPass() throws Exception {
        PooledBackend second = pool.backends().get(1);
        assertThat(pool.checkFailed(second, "connection refused", Instant.now()))
                .isEqualTo(BackendPool.HealthChange.NONE);
        assertThat(pool.checkFailed(second, "connection refused", Instant.now()))
                .isEqualTo(BackendPool.HealthChange.DISABLED);
        assertThat(List.of(take("small"), take("small")))
                .allSatisfy(l -> assertThat(l.backend().name()).isEqualTo("gpu-1"));
        assertThat(pool.servesTier(Tier.LOCAL_FAST)).isTrue();

        CompletableFuture<Optional<Lease>> waiting = pool.acquire("ollama", "small", Set.of());
        assertThat(pool.checked(second, List.of("small"), Instant.now())).isEqualTo(BackendPool.HealthChange.RECOVERED);
        assertThat(waiting.get()).hasValueSatisfying(l -> assertThat(l.backend().name()).isEqualTo("gpu-2"));
        assertThat(pool.status().get(1).healthy()).isTrue();
    }

    @Test
    void closingCancelsTheWaitersSoThatTheirRecordsStayUncommitted() throws Exception {
        take("small");
        take("small");
        take("small");
        CompletableFuture<Optional<Lease>> waiting = pool.acquire("ollama", "small", Set.of());
        pool.close();
        assertThatThrownBy(waiting::get).hasCauseInstanceOf(java.util.concurrent.CancellationException.class);
        assertThat(pool.acquire("ollama", "small", Set.of())).isCompletedExceptionally();
    }

    @Test
    void closingLetsGoOfTheRequestsWaitingForABackendsRateLimitThoughAPolicyChangeTookItOut() throws Exception {
        RateLimiter current = new RateLimiter(1, 0, 0, Duration.ofMinutes(5));
        RateLimiter replaced = new RateLimiter(1, 0, 0, Duration.ofMinutes(5));
        RateLimiter idle = new RateLimiter(1, 0, 0, Duration.ofMinutes(5));
        BackendPool limited = new BackendPool(
                List.of(new BackendPool.Slotted(new Fake("gpu-1"), 1, new Safeguards(Breaker.NONE, replaced)),
                        new BackendPool.Slotted(new Fake("gpu-2"), 1, new Safeguards(Breaker.NONE, idle))),
                2);
        // A request holds gpu-1's slot (waiting for its rate limit, say) when a policy change replaces both backends.
        Lease held = limited.acquire("ollama", "small", Set.of()).get().orElseThrow();
        assertThat(held.safeguards().limiter()).isSameAs(replaced);
        limited.replace(List.of(new BackendPool.Slotted(new Fake("gpu-3"), 1, new Safeguards(Breaker.NONE, current))),
                "");

        limited.close();

        // Closed, a limiter hands out no permit and keeps nobody waiting: the request is left for redelivery. The one
        // of a backend taken out with nothing under way is no longer the pool's.
        assertThatThrownBy(() -> current.acquire(request(), null)).isInstanceOf(InterruptedException.class);
        assertThatThrownBy(() -> replaced.acquire(request(), null)).isInstanceOf(InterruptedException.class);
        assertThat(idle.acquire(request(), null)).isPresent();
    }

    private static LlmRequest request() {
        return new LlmRequest(SchemaVersion.CURRENT, "r", "t", null, null, List.of(ChatMessage.user("hi")), null, null,
                null, null, null, null);
    }
}
