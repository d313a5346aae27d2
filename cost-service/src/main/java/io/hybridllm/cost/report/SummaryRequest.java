package io.hybridllm.cost.report;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What a cost summary covers: a time range, optionally one tenant, one job and one end user, grouped by at least one
 * dimension.
 */
public record SummaryRequest(Instant from, Instant to, List<Dimension> groupBy, Optional<String> tenant,
        Optional<String> jobId, Optional<String> endUser) {

    public SummaryRequest(Instant from, Instant to, List<Dimension> groupBy, Optional<String> tenant) {
        this(from, to, groupBy, tenant, Optional.empty(), Optional.empty());
    }

    public SummaryRequest {
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("from " + from + " must be before to " + to);
        }
        if (groupBy.isEmpty()) {
            throw new IllegalArgumentException("a summary is grouped by at least one dimension");
        }
        groupBy = List.copyOf(groupBy);
    }
}
