package io.hybridllm.cost.usage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

/** Stores usage rows, each at most once. */
@ApplicationScoped
public class UsageRepository implements PanacheRepositoryBase<UsageRow, String> {

    // A plain persist() would fail on a redelivered event and poison the transaction; ON CONFLICT lets the database
    // decide atomically, also when two consumers race for the same event during a rebalance.
    private static final String INSERT_IF_ABSENT = """
            insert into UsageRow (eventId, requestId, tenant, jobId, taskType, tier, provider, model, promptTokens,
                completionTokens, costUsd, priced, priceVersion, reportedCostUsd, latencyMs, outcome, errorCode,
                occurredAt)
            values (:eventId, :requestId, :tenant, :jobId, :taskType, :tier, :provider, :model, :promptTokens,
                :completionTokens, :costUsd, :priced, :priceVersion, :reportedCostUsd, :latencyMs, :outcome, :errorCode,
                :occurredAt)
            on conflict (eventId) do nothing""";

    /** Inserts the row unless one with its event id exists; true when it was inserted. */
    @Transactional
    public boolean insertIfAbsent(UsageRow row) {
        int inserted = getEntityManager().createQuery(INSERT_IF_ABSENT).setParameter("eventId", row.eventId)
                .setParameter("requestId", row.requestId).setParameter("tenant", row.tenant)
                .setParameter("jobId", row.jobId).setParameter("taskType", row.taskType).setParameter("tier", row.tier)
                .setParameter("provider", row.provider).setParameter("model", row.model)
                .setParameter("promptTokens", row.promptTokens).setParameter("completionTokens", row.completionTokens)
                .setParameter("costUsd", row.costUsd).setParameter("priced", row.priced)
                .setParameter("priceVersion", row.priceVersion).setParameter("reportedCostUsd", row.reportedCostUsd)
                .setParameter("latencyMs", row.latencyMs).setParameter("outcome", row.outcome)
                .setParameter("errorCode", row.errorCode).setParameter("occurredAt", row.occurredAt).executeUpdate();
        return inserted == 1;
    }
}
