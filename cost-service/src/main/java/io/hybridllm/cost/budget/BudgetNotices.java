package io.hybridllm.cost.budget;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.hybridllm.contracts.Alert;
import io.hybridllm.contracts.ControlEvent;
import io.hybridllm.contracts.SchemaVersion;
import io.hybridllm.contracts.json.Json;
import io.hybridllm.cost.alerts.AlertOutbox;
import io.hybridllm.cost.outbox.Outbox;
import io.quarkus.logging.Log;

/**
 * Writes what a budget decision announces to the outbox, in the decision's transaction: budget alerts for
 * {@code llm.alerts} (keyed by tenant, {@code *} for a global budget) and mode switches for {@code llm.control} (keyed
 * by scope).
 */
@ApplicationScoped
public class BudgetNotices {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    /** A forecast from the first minutes of a period would be noise. */
    private static final Duration MIN_ELAPSED = Duration.ofMinutes(1);

    private final Outbox outbox;
    private final AlertOutbox alerts;
    private final BudgetsConfig config;

    public BudgetNotices(Outbox outbox, AlertOutbox alerts, BudgetsConfig config) {
        this.outbox = outbox;
        this.alerts = alerts;
        this.config = config;
    }

    /** What a budget's spend is in a period, when it is measured. */
    public record Measure(Period period, String periodKey, Optional<Budget> budget, BigDecimal spendUsd, Instant at) {
    }

    public void alert(Scope scope, Measure measure, Alert.Level level) {
        Alert.Budget alert = new Alert.Budget(SchemaVersion.CURRENT, UUID.randomUUID().toString(), scope.alertTenant(),
                level, measure.periodKey(), Money.plain(measure.spendUsd()),
                measure.budget().map(Budget::amountUsd).orElse(null), forecast(measure), percent(measure),
                measure.at());
        alerts.append(alert);
    }

    /**
     * Puts {@code mode} in force for the scope (null: the policy's own), and says whether the scope is paused: the wall
     * the router and the workers enforce. Every switch carries both, so the latest one per scope is the whole state.
     */
    public void modeSwitch(Scope scope, String mode, boolean paused, String reason, Instant at) {
        ControlEvent.ModeSwitch event = new ControlEvent.ModeSwitch(SchemaVersion.CURRENT, UUID.randomUUID().toString(),
                scope.name(), mode, paused, reason, at);
        outbox.append(event.topic(), scope.name(), event.id(), Json.write(event));
        // When a pause was decided, against when the workers read it (they log it too): the usage lag between the two
        // is most of a budget's overshoot.
        Log.infof("%s switched (sent on commit): mode %s, paid calls %s: %s", scope.name(),
                mode == null ? "of the policy" : mode, paused ? "paused" : "allowed", reason);
    }

    /** Why a budget switched its scope: {@code monthly budget at 80% (20.05 of 25.00 USD)}. */
    static String reason(Measure driver) {
        return driver.period().wireName() + " budget at " + percent(driver) + "% (" + money(driver.spendUsd()) + " of "
                + money(driver.budget().orElseThrow().amountUsd()) + " USD)";
    }

    /** Whole percent of the budget spent, rounded down: 79.99% is 79, so it never claims a threshold not reached. */
    static int percent(Measure measure) {
        return measure.budget()
                .map(b -> measure.spendUsd().multiply(HUNDRED).divide(b.amountUsd(), 0, RoundingMode.FLOOR).intValue())
                .orElse(0);
    }

    /** The spend at the period's end if it goes on at the rate so far. */
    BigDecimal forecast(Measure measure) {
        Instant start = measure.period().start(measure.periodKey(), config.timeZone());
        Instant end = measure.period().end(measure.periodKey(), config.timeZone());
        long elapsed = Math.max(Duration.between(start, measure.at()).toMillis(), MIN_ELAPSED.toMillis());
        long length = Duration.between(start, end).toMillis();
        if (elapsed >= length) {
            return Money.plain(measure.spendUsd());
        }
        return Money.plain(measure.spendUsd().multiply(BigDecimal.valueOf(length)).divide(BigDecimal.valueOf(elapsed),
                6, RoundingMode.HALF_UP));
    }

    private static String money(BigDecimal usd) {
        return usd.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }
}
