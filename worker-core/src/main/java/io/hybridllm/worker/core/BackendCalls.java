package io.hybridllm.worker.core;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

import org.jboss.logging.Logger;

import io.hybridllm.contracts.ErrorInfo;
import io.hybridllm.contracts.ErrorInfo.ErrorCode;
import io.hybridllm.contracts.LlmRequest;
import io.hybridllm.contracts.Target;
import io.hybridllm.worker.core.budget.BudgetPauses;
import io.hybridllm.worker.core.pool.BackendPool.Lease;
import io.hybridllm.worker.core.resilience.Breaker;
import io.hybridllm.worker.core.resilience.RateLimiter;
import io.hybridllm.worker.core.resilience.RetryPolicy;
import io.hybridllm.worker.core.resilience.RetryPolicy.Next;

/**
 * The calls one request makes on one backend, holding its slot: each waits for the backend's rate limits, goes through
 * its circuit breaker, and, when it fails, is retried as the {@link RetryPolicy} says, within the failover budget that
 * starts with the first call. Every call is an attempt in the request's history, with its usage event.
 */
final class BackendCalls {

    private static final Logger LOG = Logger.getLogger(BackendCalls.class);

    /** Where the request stands after its calls on the backend. */
    sealed interface Outcome {
    }

    /** An answer; {@code on} names the backend and the id of the key that served it. */
    record Answer(CallResult.Answered answer, String on, Instant at, long latencyMs) implements Outcome {
    }

    /** No answer here: on to another backend, the next target, or stop. */
    record Moved(Next where) implements Outcome {
    }

    /** No paid call may be made for the request now (its budget is paused): the request ends with this error. */
    record Walled(ErrorInfo error) implements Outcome {
    }

    private static final Moved NEXT_BACKEND = new Moved(Next.BACKEND);

    private final CallMetrics metrics;
    private final RetryPolicy retries;
    private final BudgetPauses pauses;

    BackendCalls(CallMetrics metrics, RetryPolicy retries, BudgetPauses pauses) {
        this.metrics = metrics;
        this.retries = retries;
        this.pauses = pauses;
    }

    /** Calls {@code target}'s model on the leased backend until it answers or the request must move on. */
    Outcome call(Job job, Target target, Lease lease) throws InterruptedException {
        return call(job, target, lease, null);
    }

    /** The same, each call's answer streamed to {@code stream} when it is not null. */
    Outcome call(Job job, Target target, Lease lease, AnswerStream stream) throws InterruptedException {
        try (Lease held = lease) {
            ModelBackend backend = held.backend();
            Optional<ErrorInfo> refusal = backend.refusal();
            if (refusal.isPresent()) {
                // Not a call (e.g. no API key): nothing to bill, and the provider never saw the request.
                job.refused(target, backend.name(), null, refusal.get(), Instant.now());
                return NEXT_BACKEND;
            }
            LlmRequest request = job.routed().request();
            Instant deadline = request.hints().deadline();
            Instant budgetEnd = null;
            Duration timeout = null;
            int backoffs = 0;
            while (true) {
                Optional<RateLimiter.Permit> permit = held.safeguards().limiter().acquire(request,
                        earliest(deadline, budgetEnd));
                if (permit.isEmpty()) {
                    job.refused(target, backend.name(), null,
                            new ErrorInfo(ErrorCode.RATE_LIMITED,
                                    backend.name()
                                            + " is at its configured rate limit and would not take the call in time"),
                            Instant.now());
                    metrics.skipped(ErrorCode.RATE_LIMITED);
                    return NEXT_BACKEND;
                }
                Optional<ErrorInfo> wall = backend.paid() ? pauses.refusal(request.tenant()) : Optional.empty();
                if (wall.isPresent()) {
                    // The last place the money could be spent: checked before every paid call, retries included.
                    permit.get().settle(0);
                    job.refused(target, backend.name(), null, wall.get(), Instant.now());
                    metrics.skipped(wall.get().code());
                    return new Walled(wall.get());
                }
                Instant at = Instant.now();
                budgetEnd = budgetEnd == null ? at.plus(retries.failoverBudget()) : budgetEnd;
                long started = System.nanoTime();
                CallResult result;
                try {
                    Duration bound = timeout;
                    result = held.safeguards().breaker().call(() -> request.embeds()
                            ? backend.embed(target.model(), request, bound)
                            : stream != null ? backend.stream(target.model(), request, bound, stream.call(target))
                                    : bound == null ? backend.chat(target.model(), request)
                                            : backend.chat(target.model(), request, bound));
                } catch (Breaker.Prevented e) {
                    permit.get().settle(0);
                    job.skipped(backend.name());
                    LOG.debugf("request %s passes over %s: %s", job.routed().id(), backend.name(), e.getMessage());
                    return NEXT_BACKEND;
                }
                Duration latency = Duration.ofNanos(System.nanoTime() - started);
                metrics.called(target, backend.name(), result, at, latency);
                if (result instanceof CallResult.Answered answered) {
                    permit.get().settle(answered.usage().totalTokens());
                    return new Answer(answered, Job.on(backend.name(), answered.keyId()), at, latency.toMillis());
                }
                CallResult.Failed failed = (CallResult.Failed) result;
                permit.get().settle(0);
                job.failed(target, backend.name(), failed.keyId(), failed.error(), at, latency.toMillis());
                if (failed.error().code() == ErrorCode.PROVIDER_UNAVAILABLE
                        && failed.error().message().contains("HTTP 404")) {
                    held.modelMissing(target.model());
                }
                boolean otherKey = failed.keyId() != null && backend.hasOtherKeyThan(failed.keyId());
                RetryPolicy.Decision decision = retries.decide(failed, backoffs,
                        Duration.between(Instant.now(), earliest(deadline, budgetEnd)), otherKey,
                        ThreadLocalRandom.current()::nextDouble);
                LOG.infof("request %s: %s on %s failed (%s): %s", job.routed().id(), target.model(),
                        Job.on(backend.name(), failed.keyId()), describe(decision), failed.error().message());
                if (!(decision instanceof RetryPolicy.Retry retry)) {
                    return new Moved((Next) decision);
                }
                backoffs += retry.rotated() ? 0 : 1;
                Thread.sleep(retry.delay());
                timeout = retry.timeout();
            }
        }
    }

    private static String describe(RetryPolicy.Decision decision) {
        return switch (decision) {
            case RetryPolicy.Retry retry when retry.rotated() -> "retrying at once with the next key";
            case RetryPolicy.Retry retry -> "retrying in " + retry.delay().toMillis() + " ms";
            case Next.BACKEND -> "moving on";
            case Next.TARGET -> "moving on to the next target";
            case Next.STOP -> "no other target would take it";
        };
    }

    private static Instant earliest(Instant a, Instant b) {
        if (a == null || b == null) {
            return a == null ? b : a;
        }
        return a.isBefore(b) ? a : b;
    }
}
