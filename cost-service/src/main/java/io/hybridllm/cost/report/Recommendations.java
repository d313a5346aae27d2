package io.hybridllm.cost.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import io.hybridllm.cost.budget.Money;
import io.hybridllm.cost.config.PolicyInForce;

/**
 * Task types to move to the local tiers: those whose cloud calls mostly scored under the policy's
 * {@code local_quality_below}, i.e. requests the router's own thresholds would call local work. Only requests sent
 * straight to the cloud count: one escalated from a local tier had a local answer that failed its quality check.
 */
@ApplicationScoped
public class Recommendations {

    private static final String SQL = """
            select u.task_type, count(s.score), count(*) filter (where s.score < :below),
                   coalesce(sum(u.cost_usd) filter (where s.score < :below), 0)
            from usage_event u left join request_score s on s.request_id = u.request_id
            where u.tier = 'cloud' and u.occurred_at >= :from and u.occurred_at < :to %s
              and not exists (select 1 from usage_event l where l.request_id = u.request_id and l.tier <> 'cloud')
            group by u.task_type order by u.task_type""";

    private final EntityManager entityManager;
    private final PolicyInForce policy;
    private final ReportsConfig config;

    public Recommendations(EntityManager entityManager, PolicyInForce policy, ReportsConfig config) {
        this.entityManager = entityManager;
        this.policy = policy;
        this.config = config;
    }

    public List<SavingsReport.Recommendation> find(SummaryRequest range) {
        BigDecimal below = BigDecimal.valueOf(policy.current().scoring().localQualityBelow());
        Query query = entityManager
                .createNativeQuery(SQL.formatted(range.tenant().isPresent() ? "and u.tenant = :tenant" : ""))
                .setParameter("below", below.doubleValue()).setParameter("from", range.from())
                .setParameter("to", range.to());
        range.tenant().ifPresent(tenant -> query.setParameter("tenant", tenant));
        BigDecimal monthsInRange = BigDecimal.valueOf(Duration.between(range.from(), range.to()).toSeconds())
                .divide(BigDecimal.valueOf(SavingsQuery.AVERAGE_MONTH.toSeconds()), 10, RoundingMode.HALF_UP);

        List<SavingsReport.Recommendation> found = new ArrayList<>();
        for (Object row : query.getResultList()) {
            Object[] c = (Object[]) row;
            long scored = ((Number) c[1]).longValue();
            long low = ((Number) c[2]).longValue();
            if (scored < config.recommendMinCalls() || low < config.recommendShare() * scored) {
                continue;
            }
            BigDecimal cost = (BigDecimal) c[3];
            BigDecimal monthly = cost.divide(monthsInRange, 6, RoundingMode.HALF_UP);
            found.add(new SavingsReport.Recommendation((String) c[0], scored, low, below, Money.plain(cost),
                    Money.plain(monthly),
                    "route " + c[0] + " to a local tier: " + low + " of " + scored + " cloud calls scored under "
                            + below.toPlainString() + ", about $" + monthly.setScale(2, RoundingMode.HALF_UP)
                            + " a month"));
        }
        return found;
    }
}
