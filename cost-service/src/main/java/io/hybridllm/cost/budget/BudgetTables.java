package io.hybridllm.cost.budget;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/**
 * The budget state in PostgreSQL: scope locks and modes ({@code budget_scope}), spend per period ({@code budget_spend})
 * and each budget's standing ({@code budget_state}). Every method runs in the caller's transaction.
 */
@ApplicationScoped
public class BudgetTables {

    /**
     * What the scope row holds: the mode last published for the scope, if any, and the highest switching rule its own
     * budgets reached.
     */
    public record ScopeMode(Optional<String> published, int percent) {
    }

    /** A budget's standing in the period named by {@code periodKey}. */
    public record State(String periodKey, Standing standing) {
    }

    private final EntityManager entityManager;

    public BudgetTables(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /**
     * Locks the scope's row until the transaction ends, creating it on first use. Every budget decision on a scope
     * starts here, so decisions on a scope are taken one at a time across replicas; a transaction that locks two scopes
     * locks {@code global} first, so two transactions never wait for each other.
     */
    public ScopeMode lockScope(Scope scope) {
        List<?> rows = selectForUpdate(scope);
        if (rows.isEmpty()) {
            entityManager.createNativeQuery("insert into budget_scope (scope) values (:scope) on conflict do nothing")
                    .setParameter("scope", scope.name()).executeUpdate();
            rows = selectForUpdate(scope);
        }
        Object[] row = (Object[]) rows.getFirst();
        return new ScopeMode(Optional.ofNullable((String) row[0]), ((Number) row[1]).intValue());
    }

    private List<?> selectForUpdate(Scope scope) {
        return entityManager
                .createNativeQuery("select mode, mode_percent from budget_scope where scope = :scope for update")
                .setParameter("scope", scope.name()).getResultList();
    }

    /** Tenant scopes that have had a switch of their own: the router follows theirs, not the global one. */
    public List<Scope> tenantsWithSwitches() {
        return entityManager
                .createNativeQuery(
                        "select scope from budget_scope where mode is not null and scope <> 'global' order by scope")
                .getResultList().stream().map(name -> new Scope((String) name)).toList();
    }

    public void saveMode(Scope scope, Optional<String> mode, int percent) {
        // Two statements rather than a null parameter, whose SQL type the driver would have to guess.
        String set = mode.isPresent() ? "mode = :mode" : "mode = null";
        var update = entityManager
                .createNativeQuery("update budget_scope set " + set
                        + ", mode_percent = :percent, updated_at = now() where scope = :scope")
                .setParameter("scope", scope.name()).setParameter("percent", percent);
        mode.ifPresent(name -> update.setParameter("mode", name));
        update.executeUpdate();
    }

    /** Adds to the scope's spend in a month and a day, in one statement: this runs for every priced call. */
    public void addSpend(Scope scope, String monthKey, String dayKey, BigDecimal usd) {
        entityManager.createNativeQuery("""
                insert into budget_spend (scope, period, period_key, spend_usd)
                values (:scope, 'monthly', :month, :usd), (:scope, 'daily', :day, :usd)
                on conflict (scope, period, period_key)
                do update set spend_usd = budget_spend.spend_usd + excluded.spend_usd, updated_at = now()""")
                .setParameter("scope", scope.name()).setParameter("month", monthKey).setParameter("day", dayKey)
                .setParameter("usd", usd).executeUpdate();
    }

    public BigDecimal spend(Scope scope, Period period, String periodKey) {
        List<?> rows = entityManager.createNativeQuery(
                "select spend_usd from budget_spend where scope = :scope and period = :period and period_key = :key")
                .setParameter("scope", scope.name()).setParameter("period", period.wireName())
                .setParameter("key", periodKey).getResultList();
        return rows.isEmpty() ? BigDecimal.ZERO : (BigDecimal) rows.getFirst();
    }

    /** What a review of one budget needs: the stored budget, if any, its standing, and the current period's spend. */
    public record Line(Period period, Optional<Budget> stored, Optional<State> state, BigDecimal spend) {
    }

    /** The lines of both periods of a scope in one query, for the current month and day. */
    public List<Line> lines(Scope scope, String monthKey, String dayKey) {
        List<?> rows = entityManager.createNativeQuery("""
                select p.period, b.amount_usd, b.warn_percent, b.pause_percent, b.revision, b.updated_by,
                       b.updated_at, s.period_key, s.level, s.rule_percent, coalesce(sp.spend_usd, 0)
                from (values ('monthly', cast(:month as text)), ('daily', cast(:day as text))) as p(period, period_key)
                left join budget b on b.scope = :scope and b.period = p.period
                left join budget_state s on s.scope = :scope and s.period = p.period
                left join budget_spend sp on sp.scope = :scope and sp.period = p.period and sp.period_key = p.period_key
                order by p.period desc""").setParameter("scope", scope.name()).setParameter("month", monthKey)
                .setParameter("day", dayKey).getResultList();
        return rows.stream().map(row -> {
            Object[] c = (Object[]) row;
            Period period = Period.byWireName((String) c[0]).orElseThrow();
            Optional<Budget> stored = c[1] == null ? Optional.empty()
                    : Optional.of(StoredBudgets.budget(scope, period, c, 1));
            Optional<State> state = c[7] == null ? Optional.empty()
                    : Optional.of(new State((String) c[7],
                            new Standing(Level.byWireName((String) c[8]), ((Number) c[9]).intValue())));
            return new Line(period, stored, state, (BigDecimal) c[10]);
        }).toList();
    }

    public Optional<State> state(Scope scope, Period period) {
        List<?> rows = entityManager.createNativeQuery(
                "select period_key, level, rule_percent from budget_state where scope = :scope and period = :period")
                .setParameter("scope", scope.name()).setParameter("period", period.wireName()).getResultList();
        return rows.stream().findFirst().map(row -> {
            Object[] columns = (Object[]) row;
            return new State((String) columns[0],
                    new Standing(Level.byWireName((String) columns[1]), ((Number) columns[2]).intValue()));
        });
    }

    public void saveState(Scope scope, Period period, State state) {
        entityManager.createNativeQuery("""
                insert into budget_state (scope, period, period_key, level, rule_percent)
                values (:scope, :period, :key, :level, :rule)
                on conflict (scope, period) do update set period_key = excluded.period_key, level = excluded.level,
                    rule_percent = excluded.rule_percent, updated_at = now()""").setParameter("scope", scope.name())
                .setParameter("period", period.wireName()).setParameter("key", state.periodKey())
                .setParameter("level", state.standing().level().wireName())
                .setParameter("rule", state.standing().rulePercent()).executeUpdate();
    }

    public void deleteState(Scope scope, Period period) {
        entityManager.createNativeQuery("delete from budget_state where scope = :scope and period = :period")
                .setParameter("scope", scope.name()).setParameter("period", period.wireName()).executeUpdate();
    }

    /** Every scope a policy change may concern: with a stored budget, a standing, or a switch in force. */
    public List<Scope> scopesWithBudgets() {
        return entityManager.createNativeQuery("""
                select scope from budget union select scope from budget_state
                union select scope from budget_scope where mode is not null order by 1""").getResultList().stream()
                .map(name -> new Scope((String) name)).toList();
    }

    /** Scopes with a budget whose period has ended: they are due a new period (and perhaps a resume). */
    public List<Scope> scopesPast(String monthKey, String dayKey) {
        return entityManager.createNativeQuery("""
                select distinct scope from budget_state
                where (period = 'monthly' and period_key <> :month) or (period = 'daily' and period_key <> :day)""")
                .setParameter("month", monthKey).setParameter("day", dayKey).getResultList().stream()
                .map(name -> new Scope((String) name)).toList();
    }
}
