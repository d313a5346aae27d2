package io.hybridllm.cost.budget;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * Budget changes over HTTP. Each change takes the scope's lock, writes the budget and reviews the scope in one
 * transaction, so lowering a budget under the spend announces the crossing at once, and raising it over the spend
 * announces the resume; usage of the scope waits for the change and is measured against it.
 */
@ApplicationScoped
public class BudgetAdmin {

    /** What a delete did: removed a stored budget, found none, or found only the policy's, which HTTP cannot remove. */
    public enum Deleted {
        REMOVED, NOT_FOUND, POLICY_ONLY
    }

    private final BudgetBook book;
    private final StoredBudgets stored;
    private final BudgetTables tables;
    private final BudgetGuard guard;
    private final BudgetNotices notices;
    private final BudgetsConfig config;
    private final Clock clock;
    private final BudgetAudit audit;

    public BudgetAdmin(BudgetBook book, StoredBudgets stored, BudgetTables tables, BudgetGuard guard,
            BudgetNotices notices, BudgetsConfig config, Clock clock, BudgetAudit audit) {
        this.audit = audit;
        this.book = book;
        this.stored = stored;
        this.tables = tables;
        this.guard = guard;
        this.notices = notices;
        this.config = config;
        this.clock = clock;
    }

    /** True when the budget was created, false when it replaced one. */
    @Transactional
    public boolean put(Scope scope, Period period, BigDecimal amountUsd, int warnPercent, int pausePercent, String by) {
        guard.lock(scope);
        Optional<Budget> before = stored.find(scope, period);
        boolean created = stored.save(scope, period, amountUsd, warnPercent, pausePercent, by);
        audit.put(scope, period, before, amountUsd, warnPercent, pausePercent, by, clock.instant());
        guard.review(scope);
        return created;
    }

    @Transactional
    public Deleted delete(Scope scope, Period period, String by) {
        guard.lock(scope);
        Optional<Budget> before = stored.find(scope, period);
        if (stored.delete(scope, period)) {
            audit.deleted(scope, period, before.orElseThrow(), by, clock.instant());
            guard.review(scope);
            return Deleted.REMOVED;
        }
        return book.fromPolicy(scope, period).isPresent() ? Deleted.POLICY_ONLY : Deleted.NOT_FOUND;
    }

    @Transactional
    public List<BudgetView> list() {
        return book.all().stream().map(this::view).toList();
    }

    @Transactional
    public Optional<BudgetView> find(Scope scope, Period period) {
        return book.find(scope, period).map(this::view);
    }

    public int defaultWarnPercent() {
        return book.defaultWarnPercent();
    }

    public int defaultPausePercent() {
        return book.defaultPausePercent();
    }

    private BudgetView view(Budget budget) {
        Instant now = clock.instant();
        String key = budget.period().key(now, config.timeZone());
        BudgetNotices.Measure measure = new BudgetNotices.Measure(budget.period(), key, Optional.of(budget),
                tables.spend(budget.scope(), budget.period(), key), now);
        // The stored level, not one computed here: it is what has been announced.
        Level level = tables.state(budget.scope(), budget.period()).filter(state -> state.periodKey().equals(key))
                .map(state -> state.standing().level()).orElse(Level.NONE);
        return new BudgetView(budget.scope().name(), budget.period().wireName(), budget.amountUsd(),
                budget.warnPercent(), budget.pausePercent(), budget.source().name().toLowerCase(Locale.ROOT),
                budget.revision(), budget.updatedBy(), budget.updatedAt(),
                new BudgetView.Current(key, Money.plain(measure.spendUsd()), BudgetNotices.percent(measure),
                        level.wireName(), notices.forecast(measure)));
    }
}
