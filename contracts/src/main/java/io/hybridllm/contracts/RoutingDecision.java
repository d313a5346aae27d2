package io.hybridllm.contracts;

import static io.hybridllm.contracts.json.Check.require;

import java.time.Instant;
import java.util.List;

/**
 * Where the router sent a request and why: the tier, the ordered targets (first is primary, the rest are the failover
 * path), the score with each factor, the rule that chose the tier, and the policy in force.
 */
public record RoutingDecision(Tier tier, List<Target> targets, double score, List<ScoreFactor> factors, String rule,
        String mode, String policyVersion, Instant decidedAt) {

    public RoutingDecision {
        require(tier != null, "tier", "is required");
        require(targets != null && !targets.isEmpty(), "targets", "must name at least one provider");
        targets = List.copyOf(targets);
        factors = factors == null ? List.of() : List.copyOf(factors);
        decidedAt = decidedAt == null ? Instant.now() : decidedAt;
    }
}
