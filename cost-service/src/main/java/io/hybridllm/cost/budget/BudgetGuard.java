package io.hybridllm.cost.budget;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.hybridllm.contracts.Alert;

/**
 * Keeps budgets: adds spend, and decides crossings, resumes and mode switches from the stored standing of each budget,
 * under the scope's lock and in the caller's transaction. Whatever it decides is written to the outbox in that same
 * transaction, so a decision and its messages commit together or not at all; a redelivered usage event never reaches
 * here (its usage row exists), and a restart finds the standing where it was.
 */
@ApplicationScoped
public class BudgetGuard {

    private final BudgetBook book;
    private final BudgetTables tables;
    private final BudgetNotices notices;
    private final SwitchingRules rules;
    private final ZoneId zone;
    private final Clock clock;

    public BudgetGuard(BudgetBook book, BudgetTables tables, BudgetNotices notices, SwitchingRules rules,
            BudgetsConfig config, Clock clock) {
        this.book = book;
        this.tables = tables;
        this.notices = notices;
        this.rules = rules;
        this.zone = config.timeZone();
        this.clock = clock;
    }

    /**
     * Adds a priced call to its tenant's and to the global spend, in the periods of when it happened, and reviews both
     * scopes.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void spend(String tenant, Instant occurredAt, BigDecimal usd) {
        Instant now = clock.instant();
        for (Scope scope : List.of(Scope.GLOBAL, Scope.tenant(tenant))) {
            BudgetTables.ScopeMode mode = lock(scope);
            tables.addSpend(scope, Period.MONTHLY.key(occurredAt, zone), Period.DAILY.key(occurredAt, zone), usd);
            review(scope, mode, now);
        }
    }

    /** Reviews a scope on its own: after a budget change, or when a period may have ended. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void review(Scope scope) {
        review(scope, lock(scope), clock.instant());
    }

    /**
     * Locks a scope until the transaction ends, and the global scope before a tenant's: every transaction takes them in
     * that order, so none waits for another in a circle, and a tenant's mode is settled against a global one that
     * cannot change meanwhile.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public BudgetTables.ScopeMode lock(Scope scope) {
        if (!scope.equals(Scope.GLOBAL)) {
            tables.lockScope(Scope.GLOBAL);
        }
        return tables.lockScope(scope);
    }

    /**
     * Measures each budget of the scope in its current period against its stored standing, announces the difference,
     * and stores the new standing. A period that ended is left behind here: the new one starts from its own spend.
     */
    private void review(Scope scope, BudgetTables.ScopeMode inForce, Instant now) {
        int rulePercent = 0;
        Optional<BudgetNotices.Measure> driver = Optional.empty();
        Pause pause = new Pause(false, false, Optional.empty());
        for (BudgetTables.Line line : tables.lines(scope, Period.MONTHLY.key(now, zone), Period.DAILY.key(now, zone))) {
            Period period = line.period();
            Optional<Budget> budget = book.inForce(scope, period, line.stored());
            Optional<BudgetTables.State> state = line.state();
            if (budget.isEmpty() && state.isEmpty()) {
                continue;
            }
            String key = period.key(now, zone);
            BudgetNotices.Measure measure = new BudgetNotices.Measure(period, key, budget, line.spend(), now);
            Standing before = state.map(BudgetTables.State::standing).orElse(Standing.NONE);
            Standing after = budget.map(b -> Standing.of(measure.spendUsd(), b, rules.rules())).orElse(Standing.NONE);
            pause = pause.with(before, after, measure);
            for (Alert.Level level : before.alertsTo(after)) {
                notices.alert(scope, measure, level);
            }
            BudgetTables.State next = new BudgetTables.State(key, after);
            if (budget.isEmpty()) {
                tables.deleteState(scope, period);
            } else if (!state.equals(Optional.of(next))) {
                tables.saveState(scope, period, next);
            }
            if (after.rulePercent() > rulePercent) {
                rulePercent = after.rulePercent();
                driver = Optional.of(measure);
            }
        }
        settle(scope, inForce, rulePercent, driver.map(BudgetNotices::reason), pause, now);
    }

    /**
     * Whether a budget of the scope stood at its pause level before this review (what the last switch said, as it was
     * published with the standing it stored) and stands there after it, and why. Derived from the stored standings, so
     * it needs no state of its own.
     */
    private record Pause(boolean was, boolean is, Optional<String> why) {

        Pause with(Standing before, Standing after, BudgetNotices.Measure measure) {
            boolean paused = after.level() == Level.PAUSE;
            return new Pause(was || before.level() == Level.PAUSE, is || paused,
                    paused && why.isEmpty() ? Optional.of(BudgetNotices.reason(measure)) : why);
        }

        static Pause unchanged(List<BudgetTables.Line> lines) {
            boolean paused = lines.stream()
                    .anyMatch(line -> line.state().map(state -> state.standing().level() == Level.PAUSE).orElse(false));
            return new Pause(paused, paused, Optional.empty());
        }
    }

    /**
     * Publishes the mode the scope's switch should name now, if that changed. The router takes a tenant's own switch
     * over the global one, so a tenant's switch names the stricter of its own rule and the global one; a tenant that
     * never had a switch of its own follows the global scope without one. When no rule holds any more, the switch is
     * withdrawn (published without a mode). A change of the global mode is carried to every tenant that has a switch of
     * its own.
     */
    private void settle(Scope scope, BudgetTables.ScopeMode inForce, int ownPercent, Optional<String> ownReason,
            Pause pause, Instant now) {
        boolean global = scope.equals(Scope.GLOBAL);
        int globalPercent = global ? 0 : tables.lockScope(Scope.GLOBAL).percent();
        boolean speaks = inForce.published().isPresent() || ownPercent > 0;
        int percent = Math.max(ownPercent, globalPercent);
        Optional<String> mode = speaks ? Optional.of(rules.modeAt(percent).orElse(SwitchingRules.WITHDRAWN))
                : Optional.empty();
        boolean changed = !mode.equals(inForce.published());
        if (changed || pause.was() != pause.is()) {
            String reason = !changed
                    ? (pause.is() ? "paused: " + pause.why().orElse("a budget reached its pause threshold")
                            : "no budget of the scope is at its pause threshold any more")
                    : percent == 0 ? "no budget switching rule holds any more; back to the policy's mode"
                            : ownPercent >= globalPercent
                                    ? ownReason.orElse("its own budgets' rule at " + ownPercent + "% holds")
                                    : "the global budgets' rule at " + globalPercent + "% holds for every tenant";
            String named = mode.filter(m -> !m.equals(SwitchingRules.WITHDRAWN)).orElse(null);
            notices.modeSwitch(scope, named, pause.is(), reason, now);
        }
        if (changed || ownPercent != inForce.percent()) {
            tables.saveMode(scope, mode, ownPercent);
        }
        if (changed && global) {
            for (Scope tenant : tables.tenantsWithSwitches()) {
                BudgetTables.ScopeMode own = tables.lockScope(tenant);
                List<BudgetTables.Line> lines = tables.lines(tenant, Period.MONTHLY.key(now, zone),
                        Period.DAILY.key(now, zone));
                settle(tenant, own, own.percent(), Optional.empty(), Pause.unchanged(lines), now);
            }
        }
    }
}
