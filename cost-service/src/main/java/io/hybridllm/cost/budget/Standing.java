package io.hybridllm.cost.budget;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;

import io.hybridllm.contracts.Alert;
import io.hybridllm.policy.Policy;

/**
 * Where a budget stands in its period: its level and the highest switching rule its spend has reached (0 for none). A
 * crossing is the difference between two standings, so it is decided from stored state, never from a single event.
 */
public record Standing(Level level, int rulePercent) {

    public static final Standing NONE = new Standing(Level.NONE, 0);

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /** The standing of {@code spend} against a budget; thresholds are reached at exactly their percentage. */
    public static Standing of(BigDecimal spend, Budget budget, List<Policy.BudgetRule> rules) {
        BigDecimal spendTimes100 = spend.multiply(HUNDRED);
        IntPredicate reached = percent -> spendTimes100
                .compareTo(budget.amountUsd().multiply(BigDecimal.valueOf(percent))) >= 0;
        Level level = reached.test(budget.pausePercent()) ? Level.PAUSE
                : reached.test(budget.warnPercent()) ? Level.WARN : Level.NONE;
        int rule = rules.stream().mapToInt(Policy.BudgetRule::atPercent).filter(reached).max().orElse(0);
        return new Standing(level, rule);
    }

    /**
     * The alerts of going from this standing to {@code next}: one per threshold crossed upwards (a jump from none to
     * pause is a warn and a pause), and one resume when the level falls (a new period, a raised or removed budget).
     */
    public List<Alert.Level> alertsTo(Standing next) {
        List<Alert.Level> alerts = new ArrayList<>();
        for (int crossed = level.ordinal() + 1; crossed <= next.level.ordinal(); crossed++) {
            alerts.add(Level.values()[crossed] == Level.WARN ? Alert.Level.WARN : Alert.Level.PAUSE);
        }
        if (next.level.ordinal() < level.ordinal()) {
            alerts.add(Alert.Level.RESUME);
        }
        return alerts;
    }
}
