package io.hybridllm.worker.core;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

import io.hybridllm.contracts.Attempt;
import io.hybridllm.contracts.ErrorInfo;
import io.hybridllm.contracts.LlmReply;
import io.hybridllm.contracts.RoutedRequest;
import io.hybridllm.contracts.RoutingDecision;
import io.hybridllm.contracts.Target;
import io.hybridllm.contracts.Tier;
import io.hybridllm.contracts.TokenUsage;
import io.hybridllm.contracts.UsageEvent;
import io.hybridllm.contracts.pricing.PriceCatalogue;

/**
 * One request on its way through this worker's tier: which of the tier's targets it is on, the backends tried for it,
 * its attempts and usage so far, and the best answer seen. Confined to the thread handling the request.
 */
final class Job {

    private record Best(Target target, CallResult.Answered answer, double quality, Double reported, long latencyMs,
            BigDecimal cost, int attempt) {
    }

    private final RoutedRequest routed;
    private final PriceCatalogue prices;
    /** The name the catalogue prices a provider under: its kind's, as the policy says ({@code claude}: anthropic). */
    private final UnaryOperator<String> priceKey;
    private final List<Target> targets;
    private final List<Attempt> attempts;
    private final List<UsageEvent> usage = new ArrayList<>();
    private final Set<String> triedBackends = new HashSet<>();
    private int current;
    private Best best;
    private ErrorInfo lastError;

    Job(RoutedRequest routed, List<Target> targets, PriceCatalogue prices, UnaryOperator<String> priceKey) {
        this.priceKey = priceKey;
        this.routed = routed;
        this.prices = prices;
        this.targets = targets;
        this.attempts = new ArrayList<>(routed.request().attempts());
    }

    RoutedRequest routed() {
        return routed;
    }

    Tier tier() {
        return routed.decision().tier();
    }

    Optional<Target> target() {
        return current < targets.size() ? Optional.of(targets.get(current)) : Optional.empty();
    }

    /** On to the tier's next target, with every backend untried again. */
    void nextTarget() {
        current++;
        triedBackends.clear();
    }

    Set<String> triedBackends() {
        return Set.copyOf(triedBackends);
    }

    /**
     * Whether another target may be tried. The policy's maximum counts the targets (tier, provider, model) tried, not
     * the calls: retries and key rotations on one target are one try.
     */
    boolean attemptsLeft() {
        Set<String> tried = attempts.stream().map(a -> a.tier() + "/" + a.provider() + "/" + a.model())
                .collect(Collectors.toSet());
        boolean again = target().map(t -> tried.contains(tier() + "/" + t.provider() + "/" + t.model())).orElse(false);
        return again || tried.size() < routed.decision().escalation().maxAttempts();
    }

    /** The number the next attempt will have in the request's history, counting every tier's attempts from 1. */
    int nextAttempt() {
        return attempts.size() + 1;
    }

    void answered(Target target, String backend, CallResult.Answered answer, QualityOutcome quality, Instant at,
            long latencyMs) {
        // A local call held its GPU for latencyMs: a gpu_hour catalogue entry prices that share of the hour.
        BigDecimal cost = prices.price(priceKey.apply(target.provider()), target.model(), answer.usage(), latencyMs)
                .orElse(BigDecimal.ZERO);
        Attempt.Outcome outcome = quality.accepted() ? Attempt.Outcome.SUCCEEDED : Attempt.Outcome.ESCALATED;
        attempts.add(new Attempt(tier(), target.provider(), target.model(), outcome, null, latencyMs, at,
                quality.reported(), "on " + backend + (quality.accepted() ? "" : ": " + quality.reasons())));
        usage.add(UsageEvent.forCall(routed, target, answer.usage(), cost, latencyMs, outcome, null));
        if (best == null || quality.score() > best.quality()) {
            best = new Best(target, answer, quality.score(), quality.reported(), latencyMs, cost, attempts.size() - 1);
        }
    }

    void failed(Target target, String backend, String key, ErrorInfo error, Instant at, long latencyMs) {
        refused(target, backend, key, error, at);
        // Nothing to pay a cloud provider for, but a local call that failed still held its GPU.
        BigDecimal cost = prices.price(priceKey.apply(target.provider()), target.model(), TokenUsage.NONE, latencyMs)
                .orElse(BigDecimal.ZERO);
        usage.add(UsageEvent.forCall(routed, target, TokenUsage.NONE, cost, latencyMs, Attempt.Outcome.FAILED,
                error.code()));
    }

    /** The backend would not make the call at all: a failed attempt, but no usage. {@code key} is an id or null. */
    void refused(Target target, String backend, String key, ErrorInfo error, Instant at) {
        triedBackends.add(backend);
        lastError = error;
        attempts.add(new Attempt(tier(), target.provider(), target.model(), Attempt.Outcome.FAILED, error.code(), 0, at,
                null, "on " + on(backend, key) + ": " + error.message()));
    }

    /** Passed over without a call or an attempt (its circuit would not take one). */
    void skipped(String backend) {
        triedBackends.add(backend);
    }

    /** Where an attempt ran: the backend, and the id of the key it used (never the key). */
    static String on(String backend, String key) {
        return key == null ? backend : backend + " with key " + key;
    }

    /** The tier's targets, each with a model. */
    List<Target> targets() {
        return targets;
    }

    /** The quality check's outcome, as the attempt records it. */
    record QualityOutcome(double score, boolean accepted, String reasons, boolean checked) {

        Double reported() {
            return checked ? score : null;
        }
    }

    /** The accepted answer: the last attempt's. */
    Publication succeeded() {
        CallResult.Answered answer = best.answer();
        if (answer.embeddings() != null) {
            return Publication.reply(LlmReply.embedded(routed, best.target(), answer.embeddings(), answer.usage(),
                    best.cost(), best.latencyMs(), attempts), usage);
        }
        return Publication.reply(LlmReply.succeeded(routed, best.target(), answer.answer(), answer.finishReason(),
                answer.toolCalls(), answer.usage(), best.cost(), best.latencyMs(), best.reported(), attempts), usage);
    }

    /**
     * Nowhere left to go: the best answer seen, however it scored, rather than nothing; else failed with the last error
     * or {@code fallback}.
     */
    Publication exhausted(ErrorInfo fallback) {
        return endWith(lastError != null ? lastError : fallback);
    }

    /** The best answer seen, else failed with {@code error}. */
    Publication endWith(ErrorInfo error) {
        if (best != null) {
            Attempt chosen = attempts.get(best.attempt());
            if (chosen.outcome() != Attempt.Outcome.SUCCEEDED) {
                attempts.set(best.attempt(),
                        new Attempt(chosen.tier(), chosen.provider(), chosen.model(), Attempt.Outcome.SUCCEEDED, null,
                                chosen.latencyMs(), chosen.at(), chosen.qualityScore(),
                                chosen.detail() + "; kept as the best answer, with nowhere left to go"));
            }
            return succeeded();
        }
        Target last = targets.isEmpty() ? null : targets.get(Math.min(current, targets.size() - 1));
        return Publication.reply(LlmReply.failed(routed, last, error, 0, attempts), usage);
    }

    /** To the next tier, with every attempt made so far. */
    Publication escalate(Tier next, String why) {
        RoutingDecision decision = routed.decision().escalatedTo(next, why);
        return Publication.escalation(new RoutedRequest(routed.request().withAttempts(attempts), decision), usage);
    }

    /** Why this tier gives up on the request, for the escalation's reason. */
    String whyEscalate() {
        if (best != null) {
            return "quality " + String.format(Locale.ROOT, "%.2f", best.quality()) + " below "
                    + routed.decision().escalation().qualityThreshold();
        }
        return lastError != null ? lastError.message() : "no healthy backend here has the model";
    }
}
