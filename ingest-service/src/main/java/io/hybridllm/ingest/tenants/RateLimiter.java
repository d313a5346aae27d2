package io.hybridllm.ingest.tenants;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import io.agroal.api.AgroalDataSource;
import io.hybridllm.ingest.config.IngestConfig;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * A token bucket per tenant, kept in PostgreSQL so that every ingest replica spends from the same one: a tenant may
 * submit its rate per minute in all, in bursts up to that many, refilled evenly. Each admission is a short transaction
 * of its own that locks the tenant's row, so replicas take turns and never spend a token twice; the database's clock
 * times the refill, so replicas' clocks need not agree.
 * <p>
 * It runs on every submission, so it is plain JDBC on a connection of its own, outside JTA: two statements and the
 * commit. Before, the tenant's rate was read in one JTA transaction (a Hibernate {@code find}) and the bucket taken in
 * another: both transactions together were 11 % of ingest's CPU on the OpenAI path.
 */
@ApplicationScoped
public class RateLimiter {

    private final AgroalDataSource dataSource;
    private final IngestConfig config;

    public RateLimiter(AgroalDataSource dataSource, IngestConfig config) {
        this.dataSource = dataSource;
        this.config = config;
    }

    /**
     * Takes {@code cost} submissions from the tenant's allowance (its own rate, else the default), or throws when it
     * has not that many left. A batch of more lines than the rate allows in a minute is taken from a full allowance,
     * into debt: the tenant then waits until the debt is repaid at its rate, so large batches are charged by their
     * lines without being impossible.
     */
    public void admit(String tenant, int cost) {
        int defaultRate = config.limits().requestsPerMinute();
        // Outside any transaction of the caller's: a refusal must not be undone by its rollback, nor wait for its
        // commit.
        Taken taken = QuarkusTransaction.suspendingExisting().call(() -> take(tenant, defaultRate, cost));
        if (!taken.level().retryAfter().isZero()) {
            throw new RateLimited(tenant, taken.rate(), taken.level().retryAfter());
        }
    }

    private record Taken(int rate, Level level) {
    }

    /**
     * The upsert creates the bucket (full) if need be and locks it, returning its level, the tenant's rate and the
     * database's time; then the new level, and the commit.
     */
    private Taken take(String tenant, int defaultRate, int cost) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                Taken taken;
                Instant now;
                try (PreparedStatement lock = connection.prepareStatement(LOCK)) {
                    lock.setString(1, tenant);
                    lock.setInt(2, defaultRate);
                    lock.setString(3, tenant);
                    try (ResultSet row = lock.executeQuery()) {
                        row.next();
                        int rate = row.getInt(4);
                        now = row.getTimestamp(3).toInstant();
                        taken = new Taken(rate, refill(row.getDouble(1),
                                Duration.between(row.getTimestamp(2).toInstant(), now), rate, cost));
                    }
                }
                try (PreparedStatement update = connection
                        .prepareStatement("update rate_bucket set tokens = ?, refilled_at = ? where tenant = ?")) {
                    update.setDouble(1, taken.level().tokens());
                    update.setTimestamp(2, Timestamp.from(now));
                    update.setString(3, tenant);
                    update.executeUpdate();
                }
                connection.commit();
                return taken;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        }
    }

    /** Creates the tenant's bucket full, or locks the one it has (the no-op update takes the row lock). */
    private static final String LOCK = """
            with rate as (select coalesce((select requests_per_minute from tenant where id = ?), ?) as per_minute)
            insert into rate_bucket as bucket (tenant, tokens, refilled_at)
            select ?, per_minute, clock_timestamp() from rate
            on conflict (tenant) do update set tokens = bucket.tokens
            returning tokens, refilled_at, clock_timestamp(), (select per_minute from rate)
            """;

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
}
