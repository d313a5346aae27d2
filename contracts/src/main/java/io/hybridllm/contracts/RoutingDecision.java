package io.hybridllm.contracts;

import static io.hybridllm.contracts.json.Check.require;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where the router sent a request and why: the tier, the ordered targets (first is primary, the rest are the failover
 * path), the score with each factor, the rule that chose the tier, the policy in force, and whether the answer is to be
 * kept in the response cache ({@code caching}, null when not). {@code embedding} is the prompt's embedding when the
 * router made one to score it (base64 of little-endian float32, as OpenAI's wire form; null when it made none): the
 * worker that answers carries it into the request's {@link RequestOutcome}, from which every router replica learns.
 */
public record RoutingDecision(Tier tier, List<Target> targets, double score, List<ScoreFactor> factors, String rule,
        String mode, String policyVersion, Instant decidedAt, Escalation escalation, Caching caching,
        String embedding) {

    public RoutingDecision(Tier tier, List<Target> targets, double score, List<ScoreFactor> factors, String rule,
            String mode, String policyVersion, Instant decidedAt, Escalation escalation, Caching caching) {
        this(tier, targets, score, factors, rule, mode, policyVersion, decidedAt, escalation, caching, null);
    }

    public RoutingDecision(Tier tier, List<Target> targets, double score, List<ScoreFactor> factors, String rule,
            String mode, String policyVersion, Instant decidedAt, Escalation escalation) {
        this(tier, targets, score, factors, rule, mode, policyVersion, decidedAt, escalation, null);
    }

    /**
     * The router's instruction to the worker that answers: publish the answer as a {@link CacheEntry} under {@code key}
     * (see {@link CacheKey}), kept for {@code ttlSeconds}; {@code embedding} (base64 of little-endian float32, as
     * OpenAI's wire form) for a task type the policy caches semantically, else null.
     */
    public record Caching(String key, String contextKey, long ttlSeconds, String embedding) {

        public Caching {
            require(key != null && !key.isBlank(), "caching.key", "is required");
            require(contextKey != null && !contextKey.isBlank(), "caching.context_key", "is required");
            require(ttlSeconds > 0, "caching.ttl_seconds", "must be positive");
        }
    }

    /** The same decision, with the answer to be cached as {@code plan} says (null: not cached). */
    public RoutingDecision withCaching(Caching plan) {
        return new RoutingDecision(tier, targets, score, factors, rule, mode, policyVersion, decidedAt, escalation,
                plan, embedding);
    }

    /** The same decision, carrying the prompt's embedding the router scored it with (see the record's comment). */
    public RoutingDecision withEmbedding(String promptEmbedding) {
        return new RoutingDecision(tier, targets, score, factors, rule, mode, policyVersion, decidedAt, escalation,
                caching, promptEmbedding);
    }

    /** The same decision, with {@code reason} added to its rule. */
    public RoutingDecision because(String reason) {
        return new RoutingDecision(tier, targets, score, factors, rule + "; " + reason, mode, policyVersion, decidedAt,
                escalation, caching, embedding);
    }

    public RoutingDecision(Tier tier, List<Target> targets, double score, List<ScoreFactor> factors, String rule,
            String mode, String policyVersion, Instant decidedAt) {
        this(tier, targets, score, factors, rule, mode, policyVersion, decidedAt, null);
    }

    /**
     * When a worker hands a request on instead of answering: a local answer scoring below {@code qualityThreshold} goes
     * to the next tier of the targets, as long as the request has had fewer than {@code maxAttempts} attempts. The
     * router stamps the policy's values, so every worker follows the policy in force when the request was routed.
     */
    public record Escalation(double qualityThreshold, int maxAttempts) {

        /** For decisions that carry none: accept any answer, try each target once. */
        public static final Escalation NONE = new Escalation(0, Integer.MAX_VALUE);

        public Escalation {
            require(qualityThreshold >= 0 && qualityThreshold <= 1, "escalation.quality_threshold",
                    "is " + qualityThreshold + ", but must be within [0, 1]");
            require(maxAttempts >= 1, "escalation.max_attempts", "is " + maxAttempts + ", but must be at least 1");
        }
    }

    /** The targets on {@code tier}, in order. */
    public List<Target> targetsOn(Tier on) {
        return targets.stream().filter(target -> target.tierOr(tier) == on).toList();
    }

    /** The tier of the first target after the last one on this decision's tier, if any: where an escalation goes. */
    public Optional<Tier> nextTier() {
        int last = -1;
        for (int i = 0; i < targets.size(); i++) {
            if (targets.get(i).tierOr(tier) == tier) {
                last = i;
            }
        }
        return targets.subList(last + 1, targets.size()).stream().map(target -> target.tierOr(tier))
                .filter(next -> next != tier).findFirst();
    }

    /** The same decision, moved on to {@code next} because of {@code why}. */
    public RoutingDecision escalatedTo(Tier next, String why) {
        return new RoutingDecision(next, targets, score, factors,
                rule + "; escalated to " + next.wireName() + ": " + why, mode, policyVersion, decidedAt, escalation,
                caching, embedding);
    }

    public RoutingDecision {
        require(tier != null, "tier", "is required");
        require(targets != null && !targets.isEmpty(), "targets", "must name at least one provider");
        targets = List.copyOf(targets);
        factors = factors == null ? List.of() : List.copyOf(factors);
        decidedAt = decidedAt == null ? Instant.now() : decidedAt;
        escalation = escalation == null ? Escalation.NONE : escalation;
    }
}
