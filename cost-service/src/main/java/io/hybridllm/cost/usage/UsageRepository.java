package io.hybridllm.cost.usage;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.hibernate.Session;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

/** Stores usage rows, each at most once. */
@ApplicationScoped
public class UsageRepository implements PanacheRepositoryBase<UsageRow, String> {

    // A plain persist() would fail on a redelivered event and poison the transaction; ON CONFLICT lets the database
    // decide atomically, also when two consumers race for the same event during a rebalance. Plain JDBC, batched: the
    // same insert through HQL was translated again for every row, and that was most of this service's CPU under load.
    private static final String INSERT_IF_ABSENT = """
            insert into usage_event (event_id, request_id, tenant, job_id, task_type, tier, provider, model,
                prompt_tokens, completion_tokens, cost_usd, priced, price_version, reported_cost_usd, latency_ms,
                outcome, error_code, occurred_at, end_user, cache_hit_of, saved_usd)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            on conflict (event_id) do nothing""";

    /**
     * Inserts each row unless one with its event id exists (earlier, or earlier in the list), in one round trip;
     * returns the rows it inserted.
     */
    @Transactional
    public List<UsageRow> insertIfAbsent(List<UsageRow> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        int[] inserted = getEntityManager().unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(INSERT_IF_ABSENT)) {
                for (UsageRow row : rows) {
                    bind(insert, row);
                    insert.addBatch();
                }
                return insert.executeBatch();
            }
        });
        List<UsageRow> recorded = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            if (inserted[i] == 1) {
                recorded.add(rows.get(i));
            }
        }
        return recorded;
    }

    private static void bind(PreparedStatement insert, UsageRow row) throws SQLException {
        insert.setString(1, row.eventId);
        insert.setString(2, row.requestId);
        insert.setString(3, row.tenant);
        insert.setString(4, row.jobId);
        insert.setString(5, row.taskType);
        insert.setString(6, row.tier);
        insert.setString(7, row.provider);
        insert.setString(8, row.model);
        insert.setInt(9, row.promptTokens);
        insert.setInt(10, row.completionTokens);
        insert.setBigDecimal(11, row.costUsd);
        insert.setBoolean(12, row.priced);
        insert.setString(13, row.priceVersion);
        insert.setBigDecimal(14, row.reportedCostUsd);
        insert.setLong(15, row.latencyMs);
        insert.setString(16, row.outcome);
        insert.setString(17, row.errorCode);
        insert.setObject(18, row.occurredAt.atOffset(ZoneOffset.UTC));
        insert.setString(19, row.endUser);
        insert.setString(20, row.cacheHitOf);
        insert.setBigDecimal(21, row.savedUsd);
    }
}
