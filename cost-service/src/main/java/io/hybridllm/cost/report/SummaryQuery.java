package io.hybridllm.cost.report;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import io.hybridllm.contracts.Attempt;
import io.hybridllm.cost.pricing.PricesInForce;
import io.hybridllm.cost.usage.UsageRow;

/**
 * Aggregates usage in PostgreSQL. Groups and total come from one statement ({@code GROUPING SETS}), so they always
 * describe the same rows, even while usage is being written.
 */
@ApplicationScoped
public class SummaryQuery {

    private static final String COUNTERS = """
            count(*), count(distinct request_id), count(*) filter (where outcome = :failed),
            coalesce(sum(prompt_tokens), 0), coalesce(sum(completion_tokens), 0), sum(cost_usd),
            count(*) filter (where not priced)""";

    private final EntityManager entityManager;
    private final PricesInForce prices;

    public SummaryQuery(EntityManager entityManager, PricesInForce prices) {
        this.entityManager = entityManager;
        this.prices = prices;
    }

    public CostSummary summarize(SummaryRequest request) {
        List<Dimension> dimensions = request.groupBy();
        Query query = entityManager.createNativeQuery(sql(request)).setParameter("from", request.from())
                .setParameter("to", request.to()).setParameter("failed", UsageRow.wireName(Attempt.Outcome.FAILED));
        request.tenant().ifPresent(tenant -> query.setParameter("tenant", tenant));
        request.jobId().ifPresent(job -> query.setParameter("job", job));
        request.endUser().ifPresent(endUser -> query.setParameter("endUser", endUser));

        List<CostGroup> groups = new ArrayList<>();
        Counters total = Counters.NONE;
        for (Object row : query.getResultList()) {
            Object[] columns = (Object[]) row;
            Counters counters = counters(columns, dimensions.size() + 1);
            if (((Number) columns[dimensions.size()]).intValue() != 0) {
                total = counters;
            } else {
                Map<String, String> key = new LinkedHashMap<>();
                for (int i = 0; i < dimensions.size(); i++) {
                    key.put(dimensions.get(i).wireName(), (String) columns[i]);
                }
                groups.add(new CostGroup(key, counters));
            }
        }
        return new CostSummary(request.from(), request.to(), request.tenant().orElse(null),
                dimensions.stream().map(Dimension::wireName).toList(), CostSummary.CURRENCY, prices.current().version(),
                groups, total);
    }

    /** Built only from {@link Dimension} constants; every value from the request is a bound parameter. */
    static String sql(SummaryRequest request) {
        String dimensions = request.groupBy().stream().map(Dimension::sql).collect(Collectors.joining(", "));
        // grouping(first) is 1 only on the row of the empty grouping set, the total.
        String isTotal = "grouping(" + request.groupBy().getFirst().sql() + ")";
        return "select " + dimensions + ", " + isTotal + ", " + COUNTERS + " from usage_event"
                + " where occurred_at >= :from and occurred_at < :to"
                + (request.tenant().isPresent() ? " and tenant = :tenant" : "")
                + (request.jobId().isPresent() ? " and job_id = :job" : "")
                + (request.endUser().isPresent() ? " and end_user = :endUser" : "") + " group by grouping sets (("
                + dimensions + "), ()) order by " + isTotal + ", " + dimensions;
    }

    private static Counters counters(Object[] columns, int first) {
        return new Counters(longAt(columns, first), longAt(columns, first + 1), longAt(columns, first + 2),
                longAt(columns, first + 3), longAt(columns, first + 4), (BigDecimal) columns[first + 5],
                longAt(columns, first + 6));
    }

    private static long longAt(Object[] columns, int index) {
        return ((Number) columns[index]).longValue();
    }
}
