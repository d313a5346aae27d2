package io.hybridllm.cost.usage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.hybridllm.cost.budget.BudgetGuard;

/**
 * One transaction per usage event: the usage row, the spend it adds to its budgets, and whatever crossing that decides.
 * A redelivered event finds its row and changes nothing, so it can neither count twice nor alert twice.
 */
@ApplicationScoped
public class UsageRecorder {

    private final UsageRepository repository;
    private final BudgetGuard budgets;

    public UsageRecorder(UsageRepository repository, BudgetGuard budgets) {
        this.repository = repository;
        this.budgets = budgets;
    }

    /** True when the row was new. Only priced calls that cost something move a budget. */
    @Transactional
    public boolean recordOnce(UsageRow row) {
        if (!repository.insertIfAbsent(row)) {
            return false;
        }
        if (row.priced && row.costUsd.signum() > 0) {
            budgets.spend(row.tenant, row.occurredAt, row.costUsd);
        }
        return true;
    }
}
