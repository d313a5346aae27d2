package io.hybridllm.cost.alerts;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import io.hybridllm.contracts.ControlEvent;
import io.hybridllm.cost.alerts.ProviderReportTables.OutReport;
import io.hybridllm.cost.alerts.ProviderReportTables.Outage;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;

/**
 * Turns the workers' {@code provider_health} reports on {@code llm.control} into one {@code provider_outage} alert when
 * a provider becomes unusable (some live worker reports its circuit open or half-open, or its health checks failing)
 * and one {@code provider_recovered} when it is usable again (no live worker reports it out any more: each reported it
 * closed, or went silent for {@code stale-after}). Reports, workers and outages live in PostgreSQL, and each decision
 * locks the provider's row and writes its alert to the outbox in one transaction: an alert is sent once whatever the
 * number of replicas, redeliveries or restarts (which read the compacted topic again from its start).
 */
@ApplicationScoped
@Startup
public class ProviderOutages {

    private final ProviderReportTables tables;
    private final ProviderAlerts alerts;
    private final ProviderAlertsConfig config;
    private final Clock clock;
    /** Reports the database did not take, latest per scope (as the topic keeps them), tried again at each review. */
    private final Map<String, ControlEvent.ProviderHealth> unrecorded = new LinkedHashMap<>();

    public ProviderOutages(ProviderReportTables tables, ProviderAlerts alerts, ProviderAlertsConfig config,
            Clock clock) {
        requirePositive(config.staleAfter().isPositive(), "stale-after", config.staleAfter());
        requirePositive(config.reviewEvery().isPositive(), "review-every", config.reviewEvery());
        requirePositive(config.maxWorkers() > 0, "max-workers", config.maxWorkers());
        requirePositive(config.maxProviders() > 0, "max-providers", config.maxProviders());
        this.tables = tables;
        this.alerts = alerts;
        this.config = config;
        this.clock = clock;
    }

    /** A worker's view of a provider: recorded unless older than the one in force, then the provider decided. */
    public void report(ControlEvent.ProviderHealth report) {
        try {
            QuarkusTransaction.requiringNew().run(() -> record(report));
        } catch (RuntimeException e) {
            synchronized (unrecorded) {
                // Bounded like the tables: one report per scope, as many scopes as workers may report.
                if (unrecorded.containsKey(report.scope()) || unrecorded.size() < config.maxWorkers()) {
                    unrecorded.merge(report.scope(), report, (old, next) -> next.at().isBefore(old.at()) ? old : next);
                }
            }
            Log.warnf("Health report %s not recorded yet (%s); trying again at the next review", report.scope(),
                    e.toString());
        }
    }

    /** Any other event a worker scoped ({@code tier:<name>@<worker>}): it is alive, so its reports still count. */
    public void heard(String scope, Instant at) {
        try {
            QuarkusTransaction.requiringNew()
                    .run(() -> tables.hear(workerOf(scope), at, config.maxWorkers(), staleBefore()));
        } catch (RuntimeException e) {
            Log.debugf("Heartbeat of %s not recorded (%s); the next one will be", scope, e.toString());
        }
    }

    private void record(ControlEvent.ProviderHealth report) {
        String worker = workerOf(report.scope());
        if (!tables.hear(worker, report.at(), config.maxWorkers(), staleBefore())) {
            Log.warnf("Health report %s refused: %d workers are tracked (hybrid.provider-alerts.max-workers)",
                    report.scope(), config.maxWorkers());
            return;
        }
        Optional<Outage> outage = tables.lock(report.provider(), config.maxProviders());
        if (outage.isEmpty()) {
            Log.warnf("Health report %s refused: %d providers are tracked (hybrid.provider-alerts.max-providers)",
                    report.scope(), config.maxProviders());
            return;
        }
        tables.save(report, worker);
        decide(report.provider(), outage.get(), staleBefore());
    }

    /**
     * Providers out, or reported out, decided again: a report may have gone stale. Then silent workers forgotten. One
     * review at a time, against one instant: a worker forgotten by a later instant than its provider was decided at
     * would take its reports with it, and the recovery would say every worker reported it closed.
     */
    @Scheduled(every = "${hybrid.provider-alerts.review-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    public synchronized void review() {
        Instant staleBefore = staleBefore();
        List<ControlEvent.ProviderHealth> retries;
        synchronized (unrecorded) {
            retries = List.copyOf(unrecorded.values());
            unrecorded.clear();
        }
        retries.forEach(this::report);
        try {
            for (String provider : QuarkusTransaction.requiringNew().call(tables::providersToReview)) {
                // Each provider in a transaction of its own: one that fails waits for the next review alone.
                QuarkusTransaction.requiringNew().run(() -> tables.lock(provider, Integer.MAX_VALUE)
                        .ifPresent(outage -> decide(provider, outage, staleBefore)));
            }
            QuarkusTransaction.requiringNew().run(() -> tables.forgetSilentWorkers(staleBefore));
        } catch (RuntimeException e) {
            Log.warnf("Provider outages not reviewed yet (%s); trying again at the next review", e.toString());
        }
    }

    /** The state machine, under the provider's lock: usable to out, out to usable, or no change. */
    private void decide(String provider, Outage outage, Instant staleBefore) {
        Instant now = clock.instant();
        List<OutReport> out = tables.liveOut(provider, staleBefore);
        if (outage.outSince().isEmpty() && !out.isEmpty()) {
            // Not before the last recovery: a report older than that was part of the outage it ended.
            Instant since = out.getFirst().at();
            if (outage.recoveredAt().isPresent() && since.isBefore(outage.recoveredAt().get())) {
                since = outage.recoveredAt().get();
            }
            tables.markOut(provider, since);
            alerts.outage(provider, since, describe(out), now);
            Log.warnf("Provider %s is out since %s: %s", provider, since, describe(out));
        } else if (outage.outSince().isPresent() && out.isEmpty()) {
            String why = tables.anyOut(provider)
                    ? "the workers that still report it out were not heard from in the last "
                            + config.staleAfter().toSeconds() + " s"
                    : "every worker reports it closed";
            tables.markRecovered(provider, now);
            alerts.recovered(provider, outage.outSince().get(), why, now);
            Log.infof("Provider %s is usable again: %s", provider, why);
        }
    }

    private static String describe(List<OutReport> out) {
        String first = out.stream().limit(3).map(r -> r.state() + " at " + r.at() + ": " + r.detail())
                .collect(Collectors.joining("; "));
        return out.size() <= 3 ? first : first + "; and " + (out.size() - 3) + " more workers";
    }

    private Instant staleBefore() {
        return clock.instant().minus(config.staleAfter());
    }

    /** The worker a scope names after its last {@code @}; a scope without one is its own reporter. */
    static String workerOf(String scope) {
        int at = scope.lastIndexOf('@');
        return at < 0 ? scope : scope.substring(at + 1);
    }

    private static void requirePositive(boolean valid, String key, Object value) {
        if (!valid) {
            throw new IllegalArgumentException(
                    "hybrid.provider-alerts." + key + " (application.properties): must be positive, not " + value);
        }
    }
}
