package io.hybridllm.ingest.tenants;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.LongAdder;

import jakarta.enterprise.context.ApplicationScoped;

import io.agroal.api.AgroalDataSource;
import io.hybridllm.ingest.config.IngestConfig;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.Startup;

/**
 * A token bucket per tenant, kept in PostgreSQL so that every ingest replica spends from the same one: a tenant may
 * submit its rate per minute in all, in bursts up to that many, refilled evenly. Each admission is a short transaction
 * of its own that locks the tenant's row, so replicas take turns and never spend a token twice; the database's clock
 * times the refill, so replicas' clocks need not agree.
 * <p>
 * It runs on every submission, so it is plain JDBC on a connection of its own, outside JTA: two statements and the
 * commit. Before, the tenant's rate was read in one JTA transaction (a Hibernate {@code find}) and the bucket taken in
 * another: both transactions together were 11 % of ingest's CPU on the OpenAI path.
 * <p>
 * Even so, a trip to the database per submission is most of the cost of admitting it, so a tenant of a high rate takes
 * a block of tokens beyond the submission's cost when the bucket holds them (a tenth of a second of its rate, at most
 * {@value #MAX_BLOCK}), and this replica spends them from a {@link Leases lease} that lives
 * {@code hybrid.ingest.limits.lease} (1 s). Every token still leaves the shared bucket before it is spent, so the
 * replicas together never admit more than the rate; a lease's leftover is lost when it ends. The block never causes or
 * changes a refusal, and a tenant below 600 a minute takes none.
 */
// Built at startup, so that a refused lease stops the service rather than its first submission.
@Startup
@ApplicationScoped
public class RateLimiter {

    static final String LEASE_KEY = "hybrid.ingest.limits.lease";
    /** The most tokens one trip to the database leases beyond its cost. */
    static final int MAX_BLOCK = 64;
    private static final Duration LONGEST_LEASE = Duration.ofMinutes(1);

    private final AgroalDataSource dataSource;
    private final IngestConfig config;
    private final Leases leases;
    private final LongAdder trips = new LongAdder();

    public RateLimiter(AgroalDataSource dataSource, IngestConfig config) {
        this.dataSource = dataSource;
        this.config = config;
        Duration lease = config.limits().lease();
        if (lease.isNegative() || lease.compareTo(LONGEST_LEASE) > 0) {
            throw new IllegalStateException("application.properties: " + LEASE_KEY + " (" + lease
                    + ") is refused: it must be from 0 (no leases) to " + LONGEST_LEASE
                    + ", since in a minute the whole bucket refills");
        }
        this.leases = new Leases(lease.toNanos(), Leases.MAX_TENANTS, System::nanoTime);
    }

    /**
     * Takes {@code cost} submissions from the tenant's allowance (its own rate, else the default), or throws when it
     * has not that many left. A batch of more lines than the rate allows in a minute is taken from a full allowance,
     * into debt: the tenant then waits until the debt is repaid at its rate, so large batches are charged by their
     * lines without being impossible.
     */
    public void admit(String tenant, int cost) {
        if (leases.spend(tenant, cost)) {
            return;
        }
        Leases.Opening opening = leases.open(tenant);
        int defaultRate = config.limits().requestsPerMinute();
        // Outside any transaction of the caller's: a refusal must not be undone by its rollback, nor wait for its
        // commit.
        Taken taken = QuarkusTransaction.suspendingExisting()
                .call(() -> take(tenant, defaultRate, cost, opening != null));
        if (!taken.level().retryAfter().isZero()) {
            throw new RateLimited(tenant, taken.rate(), taken.level().retryAfter());
        }
        if (taken.level().leased() > 0) {
            opening.keep(taken.level().leased());
        }
    }

    /** The trips to the database so far, for tests. */
    long trips() {
        return trips.sum();
    }

    /** The tokens of a tenth of a second at {@code rate} a minute, at most {@value #MAX_BLOCK}. */
    static int block(int rate) {
        return Math.min(MAX_BLOCK, rate / 600);
    }

    private record Taken(int rate, Level level) {
    }

    /**
     * The upsert creates the bucket (full) if need be and locks it, returning its level, the tenant's rate and the
     * database's time; then the new level, and the commit.
     */
    private Taken take(String tenant, int defaultRate, int cost, boolean leasing) throws SQLException {
        trips.increment();
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
                        taken = new Taken(rate,
                                refill(row.getDouble(1), Duration.between(row.getTimestamp(2).toInstant(), now), rate,
                                        cost, leasing ? block(rate) : 0));
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

    /**
     * The bucket after a request for {@code cost}: the tokens left, how long to wait when it was refused, and the whole
     * tokens taken beyond the cost, for a lease.
     */
    record Level(double tokens, Duration retryAfter, int leased) {
    }

    /**
     * A bucket of {@code tokens} refilled for {@code elapsed} at {@code rate} a minute (never above {@code rate}), then
     * asked for {@code cost}: taken when it holds that many (a cost above the rate when it is full, leaving it in
     * debt), with up to {@code block} more that it holds beyond the cost; else the wait until it would, as if no block
     * were asked for.
     */
    static Level refill(double tokens, Duration elapsed, int rate, int cost, int block) {
        double level = Math.min(rate, tokens + Math.max(0, elapsed.toNanos()) * rate / 60e9);
        double needed = Math.min(cost, rate);
        if (level >= needed) {
            int leased = (int) Math.max(0, Math.min(block, Math.floor(level - cost)));
            return new Level(level - cost - leased, Duration.ZERO, leased);
        }
        return new Level(level, Duration.ofNanos((long) Math.ceil((needed - level) * 60e9 / rate)), 0);
    }
}
