package io.hybridllm.router.control;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.hybridllm.contracts.ControlEvent;
import io.hybridllm.contracts.Tier;

/**
 * The health of each tier as its workers report it on {@code llm.control}, one report per worker (its scope). A tier is
 * unhealthy when it has fresh reports and every one of them is unhealthy: one worker with a live backend is enough.
 * Reports older than {@code hybrid.router.health.stale-after} are ignored, since workers repeat theirs while they run
 * and a stopped worker's last word must not count forever. A tier with no fresh report is taken as healthy: routing
 * must work before the first health check, and a tier whose workers are all gone shows as consumer lag, which is for
 * scaling to fix.
 */
@ApplicationScoped
public class TierHealthState {

    private final Map<Tier, Map<String, ControlEvent.TierHealth>> reports = new ConcurrentHashMap<>();
    private final Duration staleAfter;

    public TierHealthState(
            @ConfigProperty(name = "hybrid.router.health.stale-after", defaultValue = "90s") Duration staleAfter) {
        this.staleAfter = staleAfter;
    }

    /** Applies a report unless a newer one from the same worker is in force already (redelivery, reordering). */
    public void apply(ControlEvent.TierHealth report) {
        reports.computeIfAbsent(report.tier(), tier -> new ConcurrentHashMap<>()).merge(report.scope(), report,
                (current, next) -> next.at().isBefore(current.at()) ? current : next);
    }

    public boolean isHealthy(Tier tier) {
        List<ControlEvent.TierHealth> fresh = fresh(tier);
        return fresh.isEmpty() || fresh.stream().anyMatch(ControlEvent.TierHealth::healthy);
    }

    /** What made the tier unhealthy, for reasons people read. */
    public String why(Tier tier) {
        List<ControlEvent.TierHealth> fresh = fresh(tier);
        if (fresh.isEmpty()) {
            return "no recent report";
        }
        return fresh.stream().map(report -> report.detail() + " (reported " + report.at() + ")")
                .collect(Collectors.joining("; "));
    }

    private List<ControlEvent.TierHealth> fresh(Tier tier) {
        Instant oldest = Instant.now().minus(staleAfter);
        return reports.getOrDefault(tier, Map.of()).values().stream().filter(report -> report.at().isAfter(oldest))
                .toList();
    }
}
