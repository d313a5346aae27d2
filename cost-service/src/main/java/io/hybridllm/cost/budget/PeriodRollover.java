package io.hybridllm.cost.budget;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashSet;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * Starts new periods on time, also when no usage arrives: a budget whose period ended is reviewed, which resets it to
 * the new period's spend and, if the old period had switched the scope, announces the resume and the switch back. Every
 * replica runs this; the scope lock makes the first one do it and the others find nothing left to do. After a policy
 * change, every scope is reviewed the same way.
 */
@ApplicationScoped
public class PeriodRollover {

    private final BudgetTables tables;
    private final BudgetGuard guard;
    private final ZoneId zone;
    private final Clock clock;
    private volatile boolean everyScopeDue;

    public PeriodRollover(BudgetTables tables, BudgetGuard guard, BudgetsConfig config, Clock clock) {
        this.tables = tables;
        this.guard = guard;
        this.zone = config.timeZone();
        this.clock = clock;
    }

    /**
     * After a change of the policy: every scope with a budget, a standing or a switch is measured again under the new
     * budgets and rules, at once, and again at each review until all were reviewed.
     */
    public void reviewEveryScope() {
        everyScopeDue = true;
        reviewEndedPeriods();
    }

    @Scheduled(every = "${hybrid.budgets.review-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void reviewEndedPeriods() {
        Instant now = clock.instant();
        boolean everyScope = everyScopeDue;
        everyScopeDue = false;
        // The global scope every time: its budgets come from the policy, which may have changed since the last start.
        Set<Scope> due = new LinkedHashSet<>(Set.of(Scope.GLOBAL));
        due.addAll(QuarkusTransaction.requiringNew().call(() -> everyScope ? tables.scopesWithBudgets()
                : tables.scopesPast(Period.MONTHLY.key(now, zone), Period.DAILY.key(now, zone))));
        for (Scope scope : due) {
            try {
                QuarkusTransaction.requiringNew().run(() -> guard.review(scope));
            } catch (RuntimeException e) {
                everyScopeDue |= everyScope;
                Log.warnf("Budgets of %s not reviewed yet (%s); trying again at the next review", scope, e.toString());
            }
        }
    }
}
