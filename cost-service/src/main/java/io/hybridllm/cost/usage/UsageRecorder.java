package io.hybridllm.cost.usage;

import java.math.BigDecimal;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.hybridllm.cost.budget.BudgetGuard;

/**
 * One transaction per batch of usage events: their rows, the spend they add to their budgets, and whatever crossing
 * that decides. A redelivered event finds its row and changes nothing, so it can neither count twice nor alert twice.
 */
@ApplicationScoped
public class UsageRecorder {

    private final UsageRepository repository;
    private final BudgetGuard budgets;

    public UsageRecorder(UsageRepository repository, BudgetGuard budgets) {
        this.repository = repository;
        this.budgets = budgets;
    }

    /** The rows that were new. Calls that cost something, or may have (unpriced paid calls), move a budget. */
    @Transactional
    public List<UsageRow> recordOnce(List<UsageRow> rows) {
        List<UsageRow> recorded = repository.insertIfAbsent(rows);
        for (UsageRow row : recorded) {
            BigDecimal counted = row.priced ? row.costUsd : row.budgetUsd;
            if (counted != null && counted.signum() > 0) {
                budgets.spend(row.tenant, row.occurredAt, counted);
            }
        }
        return recorded;
    }
}
