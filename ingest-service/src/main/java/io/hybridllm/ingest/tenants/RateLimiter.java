package io.hybridllm.ingest.tenants;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import io.hybridllm.ingest.config.IngestConfig;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * A token bucket per tenant, kept in PostgreSQL so that every ingest replica spends from the same one: a tenant may
 * submit its rate per minute in all, in bursts up to that many, refilled evenly. Each admission is a short transaction
 * of its own that locks the tenant's row, so replicas take turns and never spend a token twice; the database's clock
 * times the refill, so replicas' clocks need not agree.
 */
@ApplicationScoped
public class RateLimiter {

    private final EntityManager entityManager;
    private final IngestConfig config;

    public RateLimiter(EntityManager entityManager, IngestConfig config) {
        this.entityManager = entityManager;
        this.config = config;
    }

    /**
     * Takes {@code cost} submissions from the tenant's allowance, or throws when it has not that many left. A batch of
     * more lines than the rate allows in a minute is taken from a full allowance, into debt: the tenant then waits
     * until the debt is repaid at its rate, so large batches are charged by their lines without being impossible.
     */
    public void admit(String tenant, Integer perMinute, int cost) {
        int rate = perMinute != null ? perMinute : config.limits().requestsPerMinute();
        Duration wait = QuarkusTransaction.requiringNew().call(() -> take(tenant, rate, cost));
        if (!wait.isZero()) {
            throw new RateLimited(tenant, rate, wait);
        }
    }

    private Duration take(String tenant, int rate, int cost) {
        entityManager.createNativeQuery("""
                insert into rate_bucket (tenant, tokens, refilled_at) values (?1, ?2, clock_timestamp())
                on conflict (tenant) do nothing
                """).setParameter(1, tenant).setParameter(2, (double) rate).executeUpdate();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                select tokens, refilled_at, clock_timestamp() from rate_bucket where tenant = ?1 for update
                """).setParameter(1, tenant).getResultList();
        Object[] row = rows.getFirst();
        Instant now = instant(row[2]);
        Level level = refill(((Number) row[0]).doubleValue(), Duration.between(instant(row[1]), now), rate, cost);
        entityManager.createNativeQuery("update rate_bucket set tokens = ?2, refilled_at = ?3 where tenant = ?1")
                .setParameter(1, tenant).setParameter(2, level.tokens()).setParameter(3, Timestamp.from(now))
                .executeUpdate();
        return level.retryAfter();
    }

    /** The bucket after a request for {@code cost}: the tokens left, and how long to wait when it was refused. */
    record Level(double tokens, Duration retryAfter) {
    }

    /**
     * A bucket of {@code tokens} refilled for {@code elapsed} at {@code rate} a minute (never above {@code rate}), then
     * asked for {@code cost}: taken when it holds that many (a cost above the rate when it is full, leaving it in
     * debt), else the wait until it would.
     */
    static Level refill(double tokens, Duration elapsed, int rate, int cost) {
        double level = Math.min(rate, tokens + Math.max(0, elapsed.toNanos()) * rate / 60e9);
        double needed = Math.min(cost, rate);
        if (level >= needed) {
            return new Level(level - cost, Duration.ZERO);
        }
        return new Level(level, Duration.ofNanos((long) Math.ceil((needed - level) * 60e9 / rate)));
    }

    private static Instant instant(Object value) {
        return switch (value) {
            case Timestamp timestamp -> timestamp.toInstant();
            case Instant instant -> instant;
            case OffsetDateTime offset -> offset.toInstant();
            default -> throw new IllegalStateException("unexpected timestamp type " + value.getClass());
        };
    }
}
