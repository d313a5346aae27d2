package io.hybridllm.cost.report;

import java.math.BigDecimal;

/**
 * What a report counts for a group of usage. {@code calls} counts provider calls, {@code requests} the distinct
 * requests they served (a request escalated from local to cloud makes two calls). {@code costUsd} sums priced calls
 * only; {@code unpricedCalls} says how many calls it leaves out because the catalogue had no price for them.
 */
public record Counters(long calls, long requests, long callsFailed, long promptTokens, long completionTokens,
        BigDecimal costUsd, long unpricedCalls) {

    public static final Counters NONE = new Counters(0, 0, 0, 0, 0, BigDecimal.ZERO, 0);

    public Counters {
        costUsd = plain(costUsd == null ? BigDecimal.ZERO : costUsd);
    }

    /** Drops the column's trailing zeros (0.0012000000 becomes 0.0012) without going to exponent notation. */
    private static BigDecimal plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
