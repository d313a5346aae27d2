package io.hybridllm.cost.budget;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.hybridllm.cost.config.PolicyInForce;
import io.hybridllm.policy.Policy;

/**
 * The policy's budget rules ({@code [dynamic_switching.rules]}, e.g. at 80% {@code ollama-heavy}): which mode a scope
 * is switched to as its spend grows. None when dynamic switching is off.
 */
@ApplicationScoped
public class SwitchingRules {

    private final PolicyInForce policies;

    public SwitchingRules(PolicyInForce policies) {
        this.policies = policies;
    }

    /** Ascending by percent; those of the policy in force now. */
    public List<Policy.BudgetRule> rules() {
        Policy policy = policies.current();
        return policy.dynamicSwitching().enabled() ? policy.dynamicSwitching().budgetRules() : List.of();
    }

    /** The mode of the highest rule at or under {@code percent}; empty under every rule. */
    public Optional<String> modeAt(int percent) {
        return rules().stream().filter(rule -> rule.atPercent() <= percent).reduce((lower, higher) -> higher)
                .map(Policy.BudgetRule::mode);
    }

    /**
     * What a scope's switch names when no rule holds any more: nothing. It is published as a switch without a mode,
     * which withdraws the scope's switch, so that the policy decides again (schedule, context rules,
     * {@code [ai] mode}). Stored as the empty string in {@code budget_scope.mode}.
     */
    public static final String WITHDRAWN = "";
}
