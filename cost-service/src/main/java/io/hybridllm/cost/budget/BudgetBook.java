package io.hybridllm.cost.budget;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.hybridllm.cost.config.PolicyInForce;
import io.hybridllm.policy.Policy;

/**
 * The budgets in force: a stored one (set over HTTP) where there is one, else the policy's. The policy's {@code [cost]}
 * holds the global monthly ({@code monthly_budget_usd}) and daily ({@code daily_budget_usd}) budgets and the default
 * thresholds; tenant budgets are set over HTTP.
 */
@ApplicationScoped
public class BudgetBook {

    private final PolicyInForce policy;
    private final StoredBudgets stored;

    public BudgetBook(PolicyInForce policy, StoredBudgets stored) {
        this.policy = policy;
        this.stored = stored;
    }

    public Optional<Budget> find(Scope scope, Period period) {
        return inForce(scope, period, stored.find(scope, period));
    }

    /** The budget in force, given what is stored for the scope and period. */
    public Optional<Budget> inForce(Scope scope, Period period, Optional<Budget> storedBudget) {
        return storedBudget.or(() -> fromPolicy(scope, period));
    }

    /** Every budget in force, stored ones first, by scope and period. */
    public List<Budget> all() {
        List<Budget> all = new ArrayList<>(stored.all());
        for (Period period : Period.values()) {
            fromPolicy(Scope.GLOBAL, period).filter(
                    budget -> all.stream().noneMatch(b -> b.scope().equals(Scope.GLOBAL) && b.period() == period))
                    .ifPresent(all::add);
        }
        return all;
    }

    public Optional<Budget> fromPolicy(Scope scope, Period period) {
        if (!scope.equals(Scope.GLOBAL)) {
            return Optional.empty();
        }
        Policy.Cost cost = cost();
        BigDecimal amount = period == Period.MONTHLY ? cost.monthlyBudgetUsd() : cost.dailyBudgetUsd();
        return Optional.ofNullable(amount).filter(usd -> usd.signum() > 0)
                .map(usd -> Budget.ofPolicy(scope, period, usd, cost.warnAtPercent(), cost.pauseAtPercent()));
    }

    public int defaultWarnPercent() {
        return cost().warnAtPercent();
    }

    public int defaultPausePercent() {
        return cost().pauseAtPercent();
    }

    /** The policy in force now: a published change applies from the next review on. */
    private Policy.Cost cost() {
        return policy.current().cost();
    }
}
