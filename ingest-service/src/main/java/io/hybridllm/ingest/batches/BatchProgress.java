package io.hybridllm.ingest.batches;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import io.hybridllm.ingest.requests.RequestStatus;

/** Where a batch's requests stand, from their rows: how many in each state, and what they have cost so far. */
@ApplicationScoped
public class BatchProgress {

    /** Counts per state (every state, zeros included, in the order a request moves through them) and the cost. */
    public record Tally(Map<String, Integer> counts, BigDecimal costUsd, int open) {
        public boolean isDone() {
            return open == 0;
        }

        public int count(RequestStatus status) {
            return counts.get(status.name().toLowerCase(Locale.ROOT));
        }
    }

    /** One line's outcome, in line order: its request's row, or the reason the line was refused. */
    public record Item(int line, String customId, String requestId, String status, String reply, String errorField,
            String error) {
    }

    private final EntityManager entityManager;

    public BatchProgress(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @SuppressWarnings("unchecked")
    public Tally tally(String batchId) {
        List<Object[]> rows = entityManager.createNativeQuery("""
                select r.status, count(*), coalesce(sum(cast(r.reply ->> 'cost_usd' as numeric)), 0)
                from batch_item i join llm_request r on r.id = i.request_id
                where i.batch_id = ?1 group by r.status
                """).setParameter(1, batchId).getResultList();
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (RequestStatus status : RequestStatus.values()) {
            counts.put(status.name().toLowerCase(Locale.ROOT), 0);
        }
        BigDecimal cost = BigDecimal.ZERO;
        int open = 0;
        for (Object[] row : rows) {
            RequestStatus status = RequestStatus.valueOf((String) row[0]);
            int count = ((Number) row[1]).intValue();
            counts.put(status.name().toLowerCase(Locale.ROOT), count);
            cost = cost.add(new BigDecimal(row[2].toString()));
            open += status.isFinal() ? 0 : count;
        }
        return new Tally(counts, cost, open);
    }

    /** Items from line {@code after} on (exclusive), at most {@code limit}, in line order. */
    @SuppressWarnings("unchecked")
    public List<Item> items(String batchId, int after, int limit) {
        List<Object[]> rows = entityManager.createNativeQuery("""
                select i.line, i.custom_id, i.request_id, r.status, cast(r.reply as text), i.error_field, i.error
                from batch_item i left join llm_request r on r.id = i.request_id
                where i.batch_id = ?1 and i.line > ?2 order by i.line limit ?3
                """).setParameter(1, batchId).setParameter(2, after).setParameter(3, limit).getResultList();
        return rows.stream()
                .map(row -> new Item(((Number) row[0]).intValue(), (String) row[1], (String) row[2],
                        row[3] == null ? null : ((String) row[3]).toLowerCase(Locale.ROOT), (String) row[4],
                        (String) row[5], (String) row[6]))
                .toList();
    }

    /** The lines that did not become requests, with why. */
    @SuppressWarnings("unchecked")
    public List<Item> malformed(String batchId) {
        List<Object[]> rows = entityManager.createNativeQuery("""
                select line, custom_id, error_field, error from batch_item
                where batch_id = ?1 and error is not null order by line
                """).setParameter(1, batchId).getResultList();
        return rows.stream().map(row -> new Item(((Number) row[0]).intValue(), (String) row[1], null, null, null,
                (String) row[2], (String) row[3])).toList();
    }

    /** When the last of the batch's requests ended; null while none has. */
    public Instant lastCompleted(String batchId) {
        Object last = entityManager.createNativeQuery("""
                select max(r.completed_at) from batch_item i join llm_request r on r.id = i.request_id
                where i.batch_id = ?1
                """).setParameter(1, batchId).getSingleResult();
        return switch (last) {
            case null -> null;
            case Instant instant -> instant;
            case java.sql.Timestamp timestamp -> timestamp.toInstant();
            case java.time.OffsetDateTime time -> time.toInstant();
            default -> throw new IllegalStateException("not a time: " + last.getClass());
        };
    }

    /** The requests of the batch that have not ended. */
    @SuppressWarnings("unchecked")
    public List<String> openRequests(String batchId) {
        return entityManager.createNativeQuery(RequestStatus.inSql("""
                select r.id from batch_item i join llm_request r on r.id = i.request_id
                where i.batch_id = ?1 and r.status in {OPEN} order by i.line
                """)).setParameter(1, batchId).getResultList();
    }
}
