package io.hybridllm.cost.budget;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/** The budgets set over HTTP, in the {@code budget} table. Callers hold the scope's lock (see {@link BudgetTables}). */
@ApplicationScoped
public class StoredBudgets {

    private static final String COLUMNS = "scope, period, amount_usd, warn_percent, pause_percent, revision,"
            + " updated_by, updated_at";

    private final EntityManager entityManager;

    public StoredBudgets(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    public Optional<Budget> find(Scope scope, Period period) {
        List<?> rows = entityManager
                .createNativeQuery("select " + COLUMNS + " from budget where scope = :scope and period = :period")
                .setParameter("scope", scope.name()).setParameter("period", period.wireName()).getResultList();
        return rows.stream().findFirst().map(row -> budget((Object[]) row));
    }

    public List<Budget> all() {
        return entityManager.createNativeQuery("select " + COLUMNS + " from budget order by scope, period")
                .getResultList().stream().map(row -> budget((Object[]) row)).toList();
    }

    /** Creates the budget, or replaces it and counts the revision; true when it was created. */
    public boolean save(Scope scope, Period period, BigDecimal amountUsd, int warnPercent, int pausePercent,
            String updatedBy) {
        boolean exists = find(scope, period).isPresent();
        entityManager.createNativeQuery("""
                insert into budget (scope, period, amount_usd, warn_percent, pause_percent, updated_by)
                values (:scope, :period, :amount, :warn, :pause, :by)
                on conflict (scope, period) do update set amount_usd = excluded.amount_usd,
                    warn_percent = excluded.warn_percent, pause_percent = excluded.pause_percent,
                    updated_by = excluded.updated_by, revision = budget.revision + 1, updated_at = now()""")
                .setParameter("scope", scope.name()).setParameter("period", period.wireName())
                .setParameter("amount", amountUsd).setParameter("warn", warnPercent).setParameter("pause", pausePercent)
                .setParameter("by", updatedBy).executeUpdate();
        return !exists;
    }

    public boolean delete(Scope scope, Period period) {
        return entityManager.createNativeQuery("delete from budget where scope = :scope and period = :period")
                .setParameter("scope", scope.name()).setParameter("period", period.wireName()).executeUpdate() == 1;
    }

    private static Budget budget(Object[] row) {
        return budget(new Scope((String) row[0]), Period.byWireName((String) row[1]).orElseThrow(), row, 2);
    }

    /** A stored budget from {@code amount_usd, warn_percent, pause_percent, revision, updated_by, updated_at}. */
    static Budget budget(Scope scope, Period period, Object[] row, int first) {
        return new Budget(scope, period, (BigDecimal) row[first], ((Number) row[first + 1]).intValue(),
                ((Number) row[first + 2]).intValue(), Budget.Source.API, ((Number) row[first + 3]).intValue(),
                (String) row[first + 4], instant(row[first + 5]));
    }

    /** The driver hands timestamptz back as an OffsetDateTime or an Instant, depending on the Hibernate version. */
    static Instant instant(Object value) {
        return value instanceof OffsetDateTime offset ? offset.toInstant() : (Instant) value;
    }
}
