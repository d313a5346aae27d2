package io.hybridllm.cost.report;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * What traffic cost against what it would have cost on the reference cloud model, from {@code from} (inclusive) to
 * {@code to} (exclusive), in total and per task type, with recommendations and the assumptions behind the figures.
 */
public record SavingsReport(Instant from, Instant to, String tenant, String currency, String priceVersion,
        Reference reference, Savings total, BigDecimal subscriptionsUsd, long unpricedRequests,
        List<Savings> byTaskType, List<Recommendation> recommendations, List<String> assumptions, Cache cache) {

    /**
     * Requests the router answered from the response cache: how many, and what the calls they reused would have cost at
     * the prices in force ({@code savedUsd}; hits the catalogue cannot price are counted in {@code unpricedHits} and
     * add nothing). They are part of the lines above too, at zero actual cost.
     */
    public record Cache(long hits, BigDecimal savedUsd, long unpricedHits) {
    }

    public record Reference(String provider, String model) {
    }

    /**
     * One line of the report ({@code taskType} absent in the total). {@code savingsUsd} is reference minus actual (and,
     * in the total, minus subscriptions); {@code savingsPercent} is that share of the reference, two decimals.
     */
    public record Savings(String taskType, long requests, BigDecimal actualUsd, BigDecimal referenceUsd,
            BigDecimal savingsUsd, BigDecimal savingsPercent) {
    }

    /**
     * A task type whose cloud calls mostly scored low enough for a local tier: how many did, what they cost in the
     * range, and what moving them would save in a month at that rate (local calls counted as free).
     */
    public record Recommendation(String taskType, long scoredCloudCalls, long lowScoreCalls, BigDecimal scoreBelow,
            BigDecimal lowScoreCostUsd, BigDecimal monthlySavingUsd, String advice) {
    }
}
