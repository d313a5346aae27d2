package io.hybridllm.worker.core;

import java.util.List;
import java.util.Optional;

import io.hybridllm.contracts.Attempt;
import io.hybridllm.contracts.LlmReply;
import io.hybridllm.contracts.RequestOutcome;
import io.hybridllm.contracts.RoutedRequest;
import io.hybridllm.contracts.RoutingDecision;
import io.hybridllm.contracts.SchemaVersion;
import io.hybridllm.contracts.Tier;

/**
 * What the router learns from a request's final reply ({@link RequestOutcome}): only requests that went through a local
 * tier have an outcome, since the router's choice to be learned is whether a local tier was good enough. The outcome
 * travels with the reply, in the same before-acknowledgement discipline as the cache entry.
 */
final class Outcomes {

    private Outcomes() {
    }

    static Optional<RequestOutcome> of(RoutedRequest routed, LlmReply reply) {
        List<Attempt> attempts = reply.attempts();
        Tier routedTier = attempts.isEmpty()
                ? chosenTier(reply.decision() != null ? reply.decision() : routed.decision())
                : attempts.getFirst().tier();
        if (!routedTier.isLocal() || reply.tenant() == null) {
            return Optional.empty();
        }
        boolean escalated = attempts.stream()
                .anyMatch(a -> a.tier().isLocal() && a.outcome() == Attempt.Outcome.ESCALATED);
        Double quality = attempts.stream().filter(a -> a.tier().isLocal() && a.qualityScore() != null)
                .map(Attempt::qualityScore).reduce((first, second) -> second).orElse(null);
        Tier answered = reply.status() == LlmReply.Status.SUCCEEDED ? reply.tier() : null;
        String embedding = reply.decision() != null ? reply.decision().embedding() : routed.decision().embedding();
        return Optional.of(new RequestOutcome(SchemaVersion.CURRENT, reply.requestId(), reply.tenant(),
                RequestOutcome.Source.WORKER, routed.request().taskType(), routedTier, answered, escalated, quality,
                null, embedding, reply.completedAt()));
    }

    /**
     * The tier the router chose, for a request that ended before any attempt: the primary target's, as an escalation
     * changes the decision's tier but not its targets.
     */
    private static Tier chosenTier(RoutingDecision decision) {
        return decision.targets().getFirst().tierOr(decision.tier());
    }
}
