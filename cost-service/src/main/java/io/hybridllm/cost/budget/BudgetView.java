package io.hybridllm.cost.budget;

import java.math.BigDecimal;
import java.time.Instant;

/** A budget as the HTTP API shows it: its settings, where it comes from, and how far its current period has gone. */
public record BudgetView(String scope, String period, BigDecimal amountUsd, int warnAtPercent, int pauseAtPercent,
        String source, Integer revision, String updatedBy, Instant updatedAt, Current current) {

    /** The current period: its key ({@code 2026-11}), spend, percent of the budget, level and forecast at its end. */
    public record Current(String period, BigDecimal spendUsd, int percent, String level, BigDecimal forecastUsd) {
    }
}
