package io.hybridllm.cost.dashboard;

import java.math.BigDecimal;

import io.hybridllm.cost.budget.BudgetView;

/**
 * A budget as the dashboard shows it: how far its current period has gone. Read-only and without who changed it, so it
 * is shown to whoever may read the spend reports (the remaining-budget metrics are public already).
 */
public record BudgetGauge(String scope, String period, String periodKey, BigDecimal amountUsd, BigDecimal spendUsd,
        int percent, int warnAtPercent, int pauseAtPercent, String level, BigDecimal forecastUsd) {

    public static BudgetGauge of(BudgetView view) {
        BudgetView.Current current = view.current();
        return new BudgetGauge(view.scope(), view.period(), current.period(), view.amountUsd(), current.spendUsd(),
                current.percent(), view.warnAtPercent(), view.pauseAtPercent(), current.level(), current.forecastUsd());
    }
}
