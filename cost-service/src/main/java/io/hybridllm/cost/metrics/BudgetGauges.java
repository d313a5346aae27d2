package io.hybridllm.cost.metrics;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import io.hybridllm.cost.budget.BudgetAdmin;
import io.hybridllm.cost.budget.BudgetView;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;

/**
 * Gauges per budget ({@code scope} {@code global} or {@code tenant:<id>}, {@code period} {@code monthly} or
 * {@code daily}): what is left of it in the current period, negative once it is overspent, and the share spent. Read
 * from the database on the budget review schedule, so they show every replica's spend, not only this one's.
 */
@ApplicationScoped
public class BudgetGauges {

    private final BudgetAdmin budgets;
    private final MeterRegistry registry;
    private final Map<String, AtomicReference<BudgetView>> views = new ConcurrentHashMap<>();
    private final Map<String, Gauge[]> gauges = new ConcurrentHashMap<>();

    public BudgetGauges(BudgetAdmin budgets, MeterRegistry registry) {
        this.budgets = budgets;
        this.registry = registry;
    }

    @Scheduled(every = "${hybrid.budgets.review-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void refresh() {
        try {
            Map<String, BudgetView> now = budgets.list().stream()
                    .collect(Collectors.toMap(view -> view.scope() + "|" + view.period(), view -> view));
            now.forEach(this::show);
            Set<String> gone = Set.copyOf(gauges.keySet());
            gone.stream().filter(key -> !now.containsKey(key)).forEach(this::drop);
        } catch (RuntimeException e) {
            Log.debugf("Budget gauges not refreshed (%s); they keep their last values", e.toString());
        }
    }

    private void show(String key, BudgetView view) {
        views.computeIfAbsent(key, k -> new AtomicReference<>()).set(view);
        gauges.computeIfAbsent(key, k -> {
            AtomicReference<BudgetView> holder = views.get(k);
            return new Gauge[] { Gauge
                    .builder("hybrid.cost.budget.remaining.usd", holder,
                            h -> h.get().amountUsd().subtract(h.get().current().spendUsd()).doubleValue())
                    .tags("scope", view.scope(), "period", view.period())
                    .description("Budget left in the current period, negative when overspent").register(registry),
                    Gauge.builder("hybrid.cost.budget.used.ratio", holder,
                            h -> h.get().current().spendUsd().doubleValue() / h.get().amountUsd().doubleValue())
                            .tags("scope", view.scope(), "period", view.period())
                            .description("Share of the budget spent in the current period").register(registry) };
        });
    }

    private void drop(String key) {
        for (Gauge gauge : gauges.remove(key)) {
            registry.remove(gauge);
        }
        views.remove(key);
    }
}
