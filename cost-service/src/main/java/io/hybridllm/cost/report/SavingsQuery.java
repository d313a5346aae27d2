package io.hybridllm.cost.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import io.hybridllm.contracts.Attempt;
import io.hybridllm.contracts.pricing.PriceCatalogue;
import io.hybridllm.cost.budget.Money;
import io.hybridllm.cost.config.PolicyInForce;
import io.hybridllm.cost.pricing.PricesInForce;
import io.hybridllm.cost.usage.UsageRow;
import io.hybridllm.policy.Policy;
import io.hybridllm.policy.ReferenceModel;

/**
 * The savings report. Actual: what this service priced every call at. Reference: for each request, the tokens of its
 * last successful call (the answer it got) priced at the reference model; a request escalated from local to cloud is
 * one request on the reference side. Requests with a call the catalogue could not price are left out of both sides and
 * counted, so an unknown price never shows as a saving.
 */
@ApplicationScoped
public class SavingsQuery {

    /** An average Gregorian month, to put fees and savings from any range on a monthly footing. */
    static final Duration AVERAGE_MONTH = Duration.ofSeconds(2_629_746);

    private static final String SQL = """
            with calls as (select * from usage_event where occurred_at >= :from and occurred_at < :to %s),
            unpriced as (select distinct request_id from calls where not priced),
            kept as (select * from calls where request_id not in (select request_id from unpriced)),
            answered as (select distinct on (request_id) request_id, task_type, prompt_tokens, completion_tokens
                         from kept where outcome = :succeeded order by request_id, occurred_at desc, event_id desc),
            actual as (select task_type, count(distinct request_id) as requests, coalesce(sum(cost_usd), 0) as usd
                       from kept group by task_type),
            reference as (select task_type, sum(prompt_tokens) as prompt, sum(completion_tokens) as completion
                          from answered group by task_type)
            select a.task_type, a.requests, a.usd, coalesce(r.prompt, 0), coalesce(r.completion, 0),
                   (select count(*) from unpriced), (select string_agg(distinct provider, ',') from calls)
            from (select 1) as one
                left join (actual a left join reference r on r.task_type = a.task_type) on true
            order by a.task_type""";

    private static final String CACHE_SQL = """
            select count(*), coalesce(sum(saved_usd), 0), count(*) filter (where saved_usd is null) from usage_event
            where cache_hit_of is not null and occurred_at >= :from and occurred_at < :to %s""";

    private final EntityManager entityManager;
    private final PricesInForce prices;
    private final PolicyInForce policy;
    private final ReportsConfig config;
    private final Recommendations recommendations;

    public SavingsQuery(EntityManager entityManager, PricesInForce prices, PolicyInForce policy, ReportsConfig config,
            Recommendations recommendations) {
        this.entityManager = entityManager;
        this.prices = prices;
        this.policy = policy;
        this.config = config;
        this.recommendations = recommendations;
    }

    public SavingsReport report(SummaryRequest range) {
        Policy inForce = policy.current();
        PriceCatalogue catalogue = prices.under(inForce);
        ReferenceModel reference = ReferenceModel.resolve(config.reference(), "hybrid.reports.reference", inForce,
                catalogue);
        Query query = scoped(SQL, range).setParameter("succeeded", UsageRow.wireName(Attempt.Outcome.SUCCEEDED));

        List<SavingsReport.Savings> lines = new ArrayList<>();
        long requests = 0;
        long unpricedRequests = 0;
        BigDecimal actual = BigDecimal.ZERO;
        BigDecimal referenceUsd = BigDecimal.ZERO;
        List<String> providers = List.of();
        for (Object row : query.getResultList()) {
            Object[] c = (Object[]) row;
            unpricedRequests = ((Number) c[5]).longValue();
            providers = c[6] == null ? List.of() : Arrays.asList(((String) c[6]).split(","));
            if (c[0] == null) {
                continue; // the one row of a range with nothing priced in it
            }
            SavingsReport.Savings line = savings((String) c[0], ((Number) c[1]).longValue(), (BigDecimal) c[2],
                    reference.cost(((Number) c[3]).longValue(), ((Number) c[4]).longValue()), BigDecimal.ZERO);
            lines.add(line);
            requests += line.requests();
            actual = actual.add(line.actualUsd());
            referenceUsd = referenceUsd.add(line.referenceUsd());
        }
        BigDecimal subscriptions = subscriptions(catalogue, providers, range);
        return new SavingsReport(range.from(), range.to(), range.tenant().orElse(null), CostSummary.CURRENCY,
                catalogue.version(), new SavingsReport.Reference(reference.provider(), reference.model()),
                savings(null, requests, actual, referenceUsd, subscriptions), Money.plain(subscriptions),
                unpricedRequests, lines, recommendations.find(range), assumptions(reference), cache(range));
    }

    /** {@code sql} with the range's filters: {@code %s} takes them. */
    private Query scoped(String sql, SummaryRequest range) {
        Query query = entityManager
                .createNativeQuery(sql.formatted((range.tenant().isPresent() ? "and tenant = :tenant " : "")
                        + (range.jobId().isPresent() ? "and job_id = :job " : "")
                        + (range.endUser().isPresent() ? "and end_user = :endUser" : "")))
                .setParameter("from", range.from()).setParameter("to", range.to());
        range.tenant().ifPresent(tenant -> query.setParameter("tenant", tenant));
        range.jobId().ifPresent(job -> query.setParameter("job", job));
        range.endUser().ifPresent(endUser -> query.setParameter("endUser", endUser));
        return query;
    }

    private SavingsReport.Cache cache(SummaryRequest range) {
        Object[] row = (Object[]) scoped(CACHE_SQL, range).getSingleResult();
        return new SavingsReport.Cache(((Number) row[0]).longValue(), Money.plain((BigDecimal) row[1]),
                ((Number) row[2]).longValue());
    }

    /** The fees of subscriptions used in the range, for the share of an average month the range covers. */
    private static BigDecimal subscriptions(PriceCatalogue catalogue, List<String> providersUsed,
            SummaryRequest range) {
        BigDecimal months = BigDecimal.valueOf(Duration.between(range.from(), range.to()).toSeconds())
                .divide(BigDecimal.valueOf(AVERAGE_MONTH.toSeconds()), 10, RoundingMode.HALF_UP);
        return catalogue.monthlyFees().entrySet().stream().filter(fee -> providersUsed.contains(fee.getKey()))
                .map(Map.Entry::getValue).reduce(BigDecimal.ZERO, BigDecimal::add).multiply(months)
                .setScale(6, RoundingMode.HALF_UP);
    }

    private static SavingsReport.Savings savings(String taskType, long requests, BigDecimal actual,
            BigDecimal reference, BigDecimal fixed) {
        BigDecimal saved = reference.subtract(actual).subtract(fixed);
        BigDecimal percent = reference.signum() == 0 ? BigDecimal.ZERO
                : saved.multiply(BigDecimal.valueOf(100)).divide(reference, 2, RoundingMode.HALF_UP);
        return new SavingsReport.Savings(taskType, requests, Money.plain(actual), Money.plain(reference),
                Money.plain(saved), Money.plain(percent));
    }

    private List<String> assumptions(ReferenceModel reference) {
        return List.of(
                "reference: every request answered by " + reference.provider() + "/" + reference.model() + " at $"
                        + reference.price().inputPer1m().toPlainString() + " in and $"
                        + reference.price().outputPer1m().toPlainString() + " out per 1M tokens, with the tokens of"
                        + " the answer it got",
                "requests that never succeeded cost nothing on the reference side",
                "requests with a call the catalogue cannot price are left out of both sides (unpriced_requests)",
                "subscriptions: the monthly fees of subscription providers used in the range, for its share of an"
                        + " average month",
                "recommendations count local calls as free",
                "cache: requests answered from the response cache cost nothing; each saved what the call it reused"
                        + " would cost at the prices in force");
    }
}
