package io.hybridllm.ingest.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.sql.SQLException;

import jakarta.transaction.RollbackException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.hibernate.exception.GenericJDBCException;
import org.hibernate.exception.JDBCConnectionException;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransactionException;

/**
 * A database that is down, or a connection pool exhausted while PostgreSQL or the broker restarts, is a 503 with
 * Retry-After (nothing was stored; retry), not a 500. Found by the fault suite (launcher, {@code hybrid faults}).
 */
class DatabaseUnavailableTest {

    private static final UriInfo URI = (UriInfo) Proxy.newProxyInstance(UriInfo.class.getClassLoader(),
            new Class<?>[] { UriInfo.class }, (proxy, method, args) -> "/v1/requests");

    @Test
    void anExhaustedPoolIs503WithRetryAfter() {
        Response response = new ProblemMappers().databaseFailure(new GenericJDBCException(
                "Unable to acquire JDBC Connection [Sorry, acquisition timeout!]", new SQLException("timeout")), URI);

        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getHeaderString("Retry-After")).isEqualTo("2");
    }

    @Test
    void anUnreachableDatabaseIs503() {
        Response response = new ProblemMappers().databaseFailure(
                new JDBCConnectionException("connection refused", new SQLException("refused", "08001")), URI);

        assertThat(response.getStatus()).isEqualTo(503);
    }

    @Test
    void aDatabaseRestartUnderAnOpenTransactionIs503() {
        var terminated = new SQLException("FATAL: terminating connection due to administrator command", "57P01");
        Response viaStatement = new ProblemMappers()
                .databaseFailure(new GenericJDBCException("JDBC exception executing SQL", terminated), URI);
        // Narayana reports the connection's failure as suppressed by its rollback.
        RollbackException rollback = new RollbackException("ARJUNA016053: Could not commit transaction.");
        rollback.addSuppressed(terminated);
        Response viaCommit = new ProblemMappers().databaseFailure(new QuarkusTransactionException(rollback), URI);

        assertThat(viaStatement.getStatus()).isEqualTo(503);
        assertThat(viaCommit.getStatus()).isEqualTo(503);
    }

    @Test
    void anyOtherDatabaseErrorStays500() {
        Response response = new ProblemMappers()
                .databaseFailure(new GenericJDBCException("could not execute statement", new SQLException()), URI);

        assertThat(response.getStatus()).isEqualTo(500);
    }
}
