package io.hybridllm.cost.budget;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.hybridllm.policy.Policy;

/**
 * The policy's budget rules ({@code [dynamic_switching.rules]}, e.g. at 80% {@code ollama-heavy}): which mode a scope
 * is switched to as its spend grows. None when dynamic switching is off.
 */
@ApplicationScoped
public class SwitchingRules {

    private final List<Policy.BudgetRule> rules;
    private final String baseMode;

    public SwitchingRules(Policy policy) {
        this.rules = policy.dynamicSwitching().enabled() ? policy.dynamicSwitching().budgetRules() : List.of();
        this.baseMode = policy.ai().mode();
    }

    /** Ascending by percent. */
    public List<Policy.BudgetRule> rules() {
        return rules;
    }

    /** The mode of the highest rule at or under {@code percent}; empty under every rule. */
    public Optional<String> modeAt(int percent) {
        return rules.stream().filter(rule -> rule.atPercent() <= percent).reduce((lower, higher) -> higher)
                .map(Policy.BudgetRule::mode);
    }

    /**
     * The mode a scope goes back to when no rule holds any more: {@code [ai] mode}. The router takes every budget
     * switch as an override, and has no way to withdraw one, so "back" has to name a mode.
     */
    public String baseMode() {
        return baseMode;
    }
}
