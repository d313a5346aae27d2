package io.hybridllm.worker.core;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.hybridllm.contracts.CallStarted;
import io.hybridllm.contracts.ErrorInfo;
import io.hybridllm.contracts.ErrorInfo.ErrorCode;
import io.hybridllm.contracts.LlmRequest;
import io.hybridllm.contracts.RoutedRequest;
import io.hybridllm.contracts.Target;
import io.hybridllm.contracts.Tier;
import io.hybridllm.contracts.pricing.PriceCatalogue;
import io.hybridllm.worker.core.budget.BudgetPauses;
import io.hybridllm.worker.core.policy.ProviderNames;
import io.hybridllm.worker.core.pool.BackendPool;
import io.hybridllm.worker.core.pool.BackendPool.Lease;
import io.hybridllm.worker.core.pool.WorkerIdentity;
import io.hybridllm.worker.core.quality.QualityCheck;
import io.hybridllm.worker.core.resilience.RetryConfig;

/**
 * Answers a request on this worker's tier. It goes along the decision's targets on the tier: a failed call is retried
 * where that may help, then moves to another backend with the model, then to the next target (see
 * {@link BackendCalls}); an answer below the decision's quality bar moves to the next target too. When the tier has
 * nothing left, the request escalates to the next tier of its decision, every attempt in its history, until the
 * policy's maximum attempts; then the best answer seen (or the last error) is the reply.
 */
@ApplicationScoped
public class TierAnswering {

    private static final Logger LOG = Logger.getLogger(TierAnswering.class);

    private final BackendPool pool;
    private final CallMetrics metrics;
    private final PriceCatalogue prices;
    private final ProviderNames names;
    private final BackendCalls calls;
    private final Cancellations cancellations;
    private final ProgressPublisher progress;
    private final StreamPublisher streams;

    public TierAnswering(BackendPool pool, CallMetrics metrics, PriceCatalogue prices, RetryConfig retry,
            Cancellations cancellations, ProgressPublisher progress, BudgetPauses pauses, ProviderNames names,
            StreamPublisher streams) {
        this.pool = pool;
        this.streams = streams;
        this.names = names;
        this.progress = progress;
        this.metrics = metrics;
        this.prices = prices;
        this.calls = new BackendCalls(metrics, retry.policy(), pauses);
        this.cancellations = cancellations;
    }

    /** The request's targets on its tier, each with a model: the tier's default where the target names none. */
    Job start(RoutedRequest routed) {
        Tier tier = routed.decision().tier();
        List<Target> targets = routed.decision().targetsOn(tier).stream()
                .map(t -> t.model() != null && !t.model().isBlank() ? t
                        : new Target(t.provider(), pool.defaultModel(t.provider(), tier), tier))
                .filter(t -> t.model() != null).toList();
        // The router skipped targets that cannot take the request; the policy may have changed since.
        List<Target> unfit = targets.stream().filter(t -> names.refuses(t, routed.request()).isPresent()).toList();
        Job job = new Job(routed, targets.stream().filter(t -> !unfit.contains(t)).toList(), prices, names::priceKey);
        for (Target target : unfit) {
            job.refused(target, target.provider(), null,
                    new ErrorInfo(ErrorCode.TARGET_UNSUITABLE,
                            target.model() + " " + names.refuses(target, routed.request()).orElseThrow()),
                    Instant.now());
        }
        return job;
    }

    /**
     * A slot for the first target some healthy backend can serve; empty when none can. Does not block: it runs on the
     * consumer's thread, and the consumer takes the next record only when this completes.
     */
    CompletableFuture<Optional<Lease>> firstSlot(Job job) {
        if (cancellations.cancelledAt(job.routed().id()).isPresent()) {
            return CompletableFuture.completedFuture(Optional.empty());
        }
        while (job.target().isPresent()) {
            Target target = job.target().get();
            if (pool.canServe(target.provider(), target.model())) {
                return pool.acquire(target.provider(), target.model(), job.triedBackends());
            }
            job.nextTarget();
        }
        return CompletableFuture.completedFuture(Optional.empty());
    }

    Publication answer(Job job, Optional<Lease> first) throws InterruptedException {
        Optional<Lease> lease = first;
        LlmRequest request = job.routed().request();
        AnswerStream stream = AnswerStream.of(job, streams);
        while (true) {
            Instant now = Instant.now();
            Instant deadline = request.hints().deadline();
            if (deadline != null && !now.isBefore(deadline)) {
                lease.ifPresent(Lease::close);
                metrics.skipped(ErrorCode.EXPIRED);
                return job.endWith(new ErrorInfo(ErrorCode.EXPIRED,
                        "the deadline " + deadline + " had passed at " + now + " on tier " + job.tier().wireName()));
            }
            Optional<Instant> cancelled = cancellations.cancelledAt(job.routed().id());
            if (cancelled.isPresent()) {
                lease.ifPresent(Lease::close);
                metrics.skipped(ErrorCode.CANCELLED);
                return job.endWith(new ErrorInfo(ErrorCode.CANCELLED, "cancelled by its client at " + cancelled.get()
                        + ", before tier " + job.tier().wireName() + " called a model"));
            }
            if (lease.isEmpty()) {
                job.nextTarget();
                if (job.target().isEmpty()) {
                    return giveUp(job);
                }
                lease = slot(job);
                continue;
            }
            if (!job.attemptsLeft()) {
                lease.get().close();
                return job.exhausted(new ErrorInfo(ErrorCode.NO_PROVIDER, "no attempts left"));
            }
            Target target = job.target().orElseThrow();
            if (lease.get().backend().refusal().isEmpty()) {
                // Once per target and backend: the retries of BackendCalls on it are the same attempt.
                progress.started(CallStarted.of(job.routed(), target, WorkerIdentity.current(), job.nextAttempt()));
            }
            switch (calls.call(job, target, lease.get(), stream)) {
                case BackendCalls.Answer answer -> {
                    // Local answers are checked; a cloud answer is the top of the path, with nowhere better to go,
                    // but is still held to the form the request promised its client (cut off, tool call, JSON).
                    // Vectors have no text to check: their count and length are checked where they are read.
                    QualityCheck.Verdict verdict = request.embeds() ? QualityCheck.Verdict.UNCHECKED
                            : job.tier().isLocal() ? QualityCheck.of(request, answer.answer())
                                    : QualityCheck.ofForm(request, answer.answer());
                    boolean accepted = verdict.score() >= job.routed().decision().escalation().qualityThreshold();
                    if (verdict != QualityCheck.Verdict.UNCHECKED) {
                        metrics.quality(target, verdict.score());
                    }
                    job.answered(
                            target, answer.on(), answer.answer(), new Job.QualityOutcome(verdict.score(), accepted,
                                    verdict.explain(), verdict != QualityCheck.Verdict.UNCHECKED),
                            answer.at(), answer.latencyMs());
                    if (accepted) {
                        if (stream != null) {
                            stream.accepted();
                        }
                        return job.succeeded();
                    }
                    LOG.infof("request %s: %s on %s scored %.2f (%s)", job.routed().id(), target.model(), answer.on(),
                            verdict.score(), verdict.explain());
                    job.nextTarget();
                    lease = job.target().isPresent() ? slot(job) : Optional.empty();
                }
                case BackendCalls.Walled walled -> {
                    return job.endWith(walled.error());
                }
                case BackendCalls.Moved moved -> {
                    switch (moved.where()) {
                        case STOP -> {
                            // The request itself is at fault: no other backend or tier would take it either.
                            return job.exhausted(new ErrorInfo(ErrorCode.INVALID_REQUEST, "the request was refused"));
                        }
                        // An empty lease moves the loop on to the next target.
                        case TARGET -> lease = Optional.empty();
                        case BACKEND -> lease = slot(job);
                    }
                }
            }
        }
    }

    /** Nothing on this tier answered well enough: the next tier, while attempts are left. */
    private Publication giveUp(Job job) {
        Optional<Tier> next = job.routed().decision().nextTier();
        if (next.isPresent() && job.attemptsLeft()) {
            metrics.escalated(job.tier(), next.get());
            LOG.infof("request %s escalates from %s to %s: %s", job.routed().id(), job.tier().wireName(),
                    next.get().wireName(), job.whyEscalate());
            return job.escalate(next.get(), job.whyEscalate());
        }
        List<Target> targets = job.targets().isEmpty() ? job.routed().decision().targetsOn(job.tier()) : job.targets();
        String why = targets.stream()
                .map(t -> t.provider() + "/" + (t.model() == null ? "(no model)" : t.model()) + " ("
                        + pool.explain(t.provider(), t.model() == null ? "" : t.model()) + ")")
                .collect(Collectors.joining(", "));
        return job.exhausted(new ErrorInfo(ErrorCode.NO_PROVIDER,
                "no backend of the " + job.tier().wireName() + " worker could answer "
                        + (targets.isEmpty() ? "(the decision has no target here)" : why)
                        + ", and the decision has no further tier to try"));
    }

    /** A slot on a backend not yet tried for the current target, waiting while all are busy. */
    private Optional<Lease> slot(Job job) throws InterruptedException {
        Target target = job.target().orElseThrow();
        try {
            return pool.acquire(target.provider(), target.model(), job.triedBackends()).get();
        } catch (ExecutionException | CancellationException e) {
            throw new InterruptedException("the worker is shutting down");
        }
    }
}
