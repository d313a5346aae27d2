package io.hybridllm.cost.usage;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.faulttolerance.Retry;

import io.hybridllm.contracts.Tier;
import io.hybridllm.contracts.UsageEvent;
import io.hybridllm.contracts.json.InvalidMessageException;
import io.hybridllm.contracts.pricing.PriceCatalogue;
import io.hybridllm.cost.pricing.PricesInForce;
import io.hybridllm.runtime.Stopping;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.smallrye.faulttolerance.api.ExponentialBackoff;

/**
 * Prices a usage event and records it exactly once. This service's price is the one that counts: the worker's own
 * figure is kept beside it for reconciliation only. The price is the one in force when the event is recorded (see
 * {@link PricesInForce}), under the provider's name as the event gives it.
 */
@ApplicationScoped
public class UsageLedger {

    private static final int MAX_UNPRICED_WARNED = 1_000;

    private final UsageRecorder recorder;
    private final PricesInForce prices;
    private final MeterRegistry metrics;
    private final Stopping stopping;
    private final Set<String> unpricedWarned = ConcurrentHashMap.newKeySet();

    public UsageLedger(UsageRecorder recorder, PricesInForce prices, MeterRegistry metrics, Stopping stopping) {
        this.recorder = recorder;
        this.prices = prices;
        this.metrics = metrics;
        this.stopping = stopping;
    }

    /**
     * Records a poll's events and their budget effects in one transaction; returns how many were new (the others had
     * been recorded before). A failing database is retried with backoff (each try in a transaction of its own, which is
     * why the retry sits here and not on the recorder) for about 15 seconds before the failure is passed on; not once
     * the service stops, when the database is being closed under it.
     */
    @Retry(maxRetries = 5, delay = 500, jitter = 200, abortOn = { InvalidMessageException.class,
            Stopping.ServiceStopping.class })
    @ExponentialBackoff(factor = 2, maxDelay = 8_000)
    public int record(List<UsageEvent> events) {
        return recordNow(events);
    }

    /**
     * Records one event in a transaction of its own, tried once: after a poll's transaction kept failing, this finds
     * the events the database refuses, so that they alone are dead-lettered.
     */
    public boolean recordAlone(UsageEvent event) {
        return recordNow(List.of(event)) == 1;
    }

    private int recordNow(List<UsageEvent> events) {
        PriceCatalogue catalogue = prices.current(); // one price list for the whole poll
        List<UsageRow> rows = events.stream().map(event -> row(event, catalogue)).toList();
        List<UsageRow> recorded = insert(rows);
        if (recorded.size() < rows.size()) {
            metrics.counter("hybrid.cost.usage.duplicates").increment(rows.size() - recorded.size());
            Log.debugf("%d usage events were recorded before; redelivery ignored", rows.size() - recorded.size());
        }
        recorded.forEach(this::count);
        return recorded.size();
    }

    /** Counted only once the row is committed, so that metrics and reports agree after a redelivery. */
    private void count(UsageRow row) {
        metrics.counter("hybrid.cost.usage.events", "outcome", row.outcome, "priced", String.valueOf(row.priced))
                .increment();
        if (row.cacheHitOf != null) {
            metrics.counter("hybrid.cost.cache.saved.usd", "tenant", row.tenant)
                    .increment(row.savedUsd == null ? 0 : row.savedUsd.doubleValue());
        } else if (row.priced) {
            metrics.counter("hybrid.cost.spend.usd", "provider", row.provider, "tenant", row.tenant)
                    .increment(row.costUsd.doubleValue());
        } else if (unpricedWarned.size() < MAX_UNPRICED_WARNED && unpricedWarned.add(row.provider + "/" + row.model)) {
            // Once per model, for a bounded number of models: the metric and the reports count every such call, the
            // log only needs to name the gap.
            Log.warnf(
                    "No price for %s/%s in prices %s: its usage is recorded as unpriced until the catalogue (or the"
                            + " policy's [cost.providers]) has it, and counts against budgets at %s",
                    row.provider, row.model, row.priceVersion,
                    row.budgetUsd == null ? "nothing (a local call)" : "the highest prices the catalogue lists for it");
        }
    }

    /** Each failed try is logged: the retries would otherwise hide why a database keeps refusing. */
    private List<UsageRow> insert(List<UsageRow> rows) {
        try {
            return recorder.recordOnce(rows);
        } catch (RuntimeException e) {
            if (stopping.now()) {
                throw new Stopping.ServiceStopping(e);
            }
            Log.warnf("%d usage events (first %s) not recorded yet (%s); retrying", rows.size(),
                    rows.isEmpty() ? "-" : rows.getFirst().eventId, e.toString());
            throw e;
        }
    }

    private static UsageRow row(UsageEvent event, PriceCatalogue catalogue) {
        Optional<BigDecimal> price = catalogue.price(event.provider(), event.model(), event.usage(), event.latencyMs());
        if (event.cacheHitOf() != null) {
            // Answered from the cache: no call, nothing spent; the call it reused would have cost its price.
            UsageRow hit = UsageRow.of(event, Optional.of(BigDecimal.ZERO), catalogue.version());
            hit.savedUsd = price.orElse(null);
            return hit;
        }
        UsageRow row = UsageRow.of(event, price, catalogue.version());
        // A paid call without a price counts against budgets at the most it could cost; a local one costs no money.
        row.budgetUsd = price
                .or(() -> event.tier() == Tier.CLOUD ? catalogue.conservativePrice(event.provider(), event.usage())
                        : Optional.empty())
                .orElse(null);
        return row;
    }
}
