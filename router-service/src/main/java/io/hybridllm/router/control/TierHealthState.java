package io.hybridllm.router.control;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import io.hybridllm.contracts.ControlEvent;
import io.hybridllm.contracts.Tier;

/**
 * The health of each tier as {@code llm.control} last reported it. A tier nobody has reported on is taken as healthy:
 * routing must work before the first health check has run.
 */
@ApplicationScoped
public class TierHealthState {

    private final Map<Tier, ControlEvent.TierHealth> latest = new ConcurrentHashMap<>();

    /** Applies a report unless a newer one for the same tier is in force already (redelivery, reordering). */
    public void apply(ControlEvent.TierHealth report) {
        latest.merge(report.tier(), report, (current, next) -> next.at().isBefore(current.at()) ? current : next);
    }

    public boolean isHealthy(Tier tier) {
        ControlEvent.TierHealth report = latest.get(tier);
        return report == null || report.healthy();
    }

    /** What made the tier unhealthy, for reasons people read. */
    public String why(Tier tier) {
        ControlEvent.TierHealth report = latest.get(tier);
        return report == null ? "no report" : report.detail() + " (reported " + report.at() + ")";
    }

    Instant reportedAt(Tier tier) {
        ControlEvent.TierHealth report = latest.get(tier);
        return report == null ? null : report.at();
    }
}
