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

    /** What the scope row holds: the mode the budgets put in force there, if any, and the rule behind it. */
    public record ScopeMode(Optional<String> mode, int percent) {
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
        entityManager.createNativeQuery("insert into budget_scope (scope) values (:scope) on conflict do nothing")
                .setParameter("scope", scope.name()).executeUpdate();
        Object[] row = (Object[]) entityManager
                .createNativeQuery("select mode, mode_percent from budget_scope where scope = :scope for update")
                .setParameter("scope", scope.name()).getSingleResult();
        return new ScopeMode(Optional.ofNullable((String) row[0]), ((Number) row[1]).intValue());
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

    public void addSpend(Scope scope, Period period, String periodKey, BigDecimal usd) {
        entityManager.createNativeQuery("""
                insert into budget_spend (scope, period, period_key, spend_usd) values (:scope, :period, :key, :usd)
                on conflict (scope, period, period_key)
                do update set spend_usd = budget_spend.spend_usd + excluded.spend_usd, updated_at = now()""")
                .setParameter("scope", scope.name()).setParameter("period", period.wireName())
                .setParameter("key", periodKey).setParameter("usd", usd).executeUpdate();
    }

    public BigDecimal spend(Scope scope, Period period, String periodKey) {
        List<?> rows = entityManager.createNativeQuery(
                "select spend_usd from budget_spend where scope = :scope and period = :period and period_key = :key")
                .setParameter("scope", scope.name()).setParameter("period", period.wireName())
                .setParameter("key", periodKey).getResultList();
        return rows.isEmpty() ? BigDecimal.ZERO : (BigDecimal) rows.getFirst();
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

    /** Scopes with a budget whose period has ended: they are due a new period (and perhaps a resume). */
    public List<Scope> scopesPast(String monthKey, String dayKey) {
        return entityManager.createNativeQuery("""
                select distinct scope from budget_state
                where (period = 'monthly' and period_key <> :month) or (period = 'daily' and period_key <> :day)""")
                .setParameter("month", monthKey).setParameter("day", dayKey).getResultList().stream()
                .map(name -> new Scope((String) name)).toList();
    }
}
