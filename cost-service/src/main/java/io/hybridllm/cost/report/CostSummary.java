package io.hybridllm.cost.report;

import java.time.Instant;
import java.util.List;

/** Spend from {@code from} (inclusive) to {@code to} (exclusive), per group and in total. */
public record CostSummary(Instant from, Instant to, String tenant, List<String> groupBy, String currency,
        String priceVersion, List<CostGroup> groups, Counters total) {

    public static final String CURRENCY = "USD";
}
