package io.hybridllm.cost.rest;

import java.math.BigDecimal;

import io.hybridllm.contracts.json.InvalidMessageException;

/**
 * The body of {@code PUT /v1/budgets/{scope}/{period}}: {@code {"amount_usd": 25.0, "warn_at_percent": 80,
 * "pause_at_percent": 95}}. The percentages default to the policy's {@code [cost]} thresholds.
 */
record BudgetBody(BigDecimal amountUsd, Integer warnAtPercent, Integer pauseAtPercent) {

    static final BigDecimal MAX_USD = BigDecimal.valueOf(1_000_000_000);

    /** The budget's thresholds, checked: each names its field and says why it is refused. */
    Checked check(int defaultWarn, int defaultPause) {
        if (amountUsd == null) {
            throw new InvalidMessageException("amount_usd", "is required: the budget in USD, e.g. 25.00");
        }
        if (amountUsd.signum() <= 0 || amountUsd.compareTo(MAX_USD) > 0) {
            throw new InvalidMessageException("amount_usd",
                    "is " + amountUsd.toPlainString() + "; must be more than 0 and at most " + MAX_USD);
        }
        if (amountUsd.stripTrailingZeros().scale() > 6) {
            throw new InvalidMessageException("amount_usd", "has more than 6 decimals");
        }
        int warn = percent("warn_at_percent", warnAtPercent, defaultWarn);
        int pause = percent("pause_at_percent", pauseAtPercent, defaultPause);
        if (warn >= pause) {
            throw new InvalidMessageException(warnAtPercent != null ? "warn_at_percent" : "pause_at_percent",
                    "warn_at_percent (" + warn + ") must be below pause_at_percent (" + pause + ")");
        }
        return new Checked(amountUsd, warn, pause);
    }

    record Checked(BigDecimal amountUsd, int warnPercent, int pausePercent) {
    }

    private static int percent(String field, Integer value, int fallback) {
        if (value == null) {
            return fallback;
        }
        if (value < 1 || value > 100) {
            throw new InvalidMessageException(field, "is " + value + "; must be a percentage from 1 to 100");
        }
        return value;
    }
}
