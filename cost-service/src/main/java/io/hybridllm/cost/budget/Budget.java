package io.hybridllm.cost.budget;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A spending limit for a scope and period, with the percentages of it at which whoever pays is warned and the scope is
 * paused. {@code revision} and {@code updatedAt} are those of a stored budget; a policy budget has neither.
 */
public record Budget(Scope scope, Period period, BigDecimal amountUsd, int warnPercent, int pausePercent, Source source,
        Integer revision, String updatedBy, Instant updatedAt) {

    public Budget {
        amountUsd = Money.plain(amountUsd);
    }

    /** Where a budget comes from: the policy file's {@code [cost]}, or {@code PUT /v1/budgets}, which wins. */
    public enum Source {
        POLICY, API
    }

    public static Budget ofPolicy(Scope scope, Period period, BigDecimal amountUsd, int warnPercent, int pausePercent) {
        return new Budget(scope, period, amountUsd, warnPercent, pausePercent, Source.POLICY, null, null, null);
    }
}
