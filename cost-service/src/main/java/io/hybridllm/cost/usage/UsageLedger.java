package io.hybridllm.cost.usage;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.faulttolerance.Retry;

import io.hybridllm.contracts.UsageEvent;
import io.hybridllm.contracts.json.InvalidMessageException;
import io.hybridllm.contracts.pricing.PriceCatalogue;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.smallrye.faulttolerance.api.ExponentialBackoff;

/**
 * Prices a usage event and records it exactly once. This service's price is the one that counts: the worker's own
 * figure is kept beside it for reconciliation only.
 */
@ApplicationScoped
public class UsageLedger {

    private final UsageRecorder recorder;
    private final PriceCatalogue catalogue;
    private final MeterRegistry metrics;
    private final Set<String> unpricedWarned = ConcurrentHashMap.newKeySet();

    public UsageLedger(UsageRecorder recorder, PriceCatalogue catalogue, MeterRegistry metrics) {
        this.recorder = recorder;
        this.catalogue = catalogue;
        this.metrics = metrics;
    }

    /**
     * Records the event and its budget effects; false when it had been recorded before. A failing database is retried
     * with backoff (each try in a transaction of its own, which is why the retry sits here and not on the recorder) for
     * about 15 seconds before the failure is passed on.
     */
    @Retry(maxRetries = 5, delay = 500, jitter = 200, abortOn = InvalidMessageException.class)
    @ExponentialBackoff(factor = 2, maxDelay = 8_000)
    public boolean record(UsageEvent event) {
        UsageRow row = UsageRow.of(event, price(event), catalogue.version());
        if (!insert(row)) {
            metrics.counter("hybrid.cost.usage.duplicates").increment();
            Log.debugf("Usage event %s was recorded before; redelivery ignored", event.eventId());
            return false;
        }
        // Counted only once the row is committed, so that metrics and reports agree after a redelivery.
        metrics.counter("hybrid.cost.usage.events", "outcome", row.outcome, "priced", String.valueOf(row.priced))
                .increment();
        if (row.priced) {
            metrics.counter("hybrid.cost.spend.usd", "provider", row.provider, "tenant", row.tenant)
                    .increment(row.costUsd.doubleValue());
        } else if (unpricedWarned.add(row.provider + "/" + row.model)) {
            // Once per model: the metric and the reports count every such call, the log only needs to name the gap.
            Log.warnf(
                    "No price for %s/%s in catalogue %s: its usage is recorded as unpriced until the catalogue has it",
                    row.provider, row.model, row.priceVersion);
        }
        return true;
    }

    /** Each failed try is logged: the retries would otherwise hide why a database keeps refusing. */
    private boolean insert(UsageRow row) {
        try {
            return recorder.recordOnce(row);
        } catch (RuntimeException e) {
            Log.warnf("Usage event %s not recorded yet (%s); retrying", row.eventId, e.toString());
            throw e;
        }
    }

    private Optional<BigDecimal> price(UsageEvent event) {
        return catalogue.price(event.provider(), event.model(), event.usage(), event.latencyMs());
    }
}
